"""Facts about the summit itself, said once."""

SUMMIT = "RE•WORK Deep Learning 2.0 Virtual Summit"
SUMMIT_YEAR = 2021
SUMMIT_DATE = "January 2021"  # as the pages say it
HIGHWIRE_DATE = "2021/01"  # citation_publication_date is YYYY/MM
