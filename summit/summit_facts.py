"""Facts about the summit itself, said once."""

SUMMIT = "RE•WORK Deep Learning 2.0 Virtual Summit"
SUMMIT_DATE = "January 2021"
SUMMIT_YEAR = 2021
