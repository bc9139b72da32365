"""Month names as French, Portuguese, Italian and Croatian write them: in lower case.

Django's own catalogues capitalise the month names of Portuguese, Italian and
Croatian ("Março", "Marzo", "Ožujak"), which those languages write in lower
case in running text ("28 de março de 2022"). The site catalogue
(`site/locale`, first in LOCALE_PATHS) takes precedence over Django's and
gives the lower-case names; these `gettext_noop` calls keep the entries in it
when `make messages` rebuilds the catalogue. Django's date format "F" reads
these names (django.utils.dates.MONTHS). Can go if Django's catalogues change.
"""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
