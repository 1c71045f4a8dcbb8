"""Facts about the summit itself, said once."""

SUMMIT = "RE•WORK Deep Learning 2.0 Virtual Summit"
SUMMIT_YEAR = 2021
SUMMIT_MONTH = 1
# English month names typed out: calendar.month_name would follow the builder's locale.
_MONTHS = ("January February March April May June July August September October November December").split()
SUMMIT_DATE = f"{_MONTHS[SUMMIT_MONTH - 1]} {SUMMIT_YEAR}"  # as the pages say it
HIGHWIRE_DATE = f"{SUMMIT_YEAR}/{SUMMIT_MONTH:02d}"  # citation_publication_date is YYYY/MM
