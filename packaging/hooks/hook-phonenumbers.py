# Replaces the contrib hook (which collects every phonenumbers submodule): the region metadata
# in phonenumbers.data / .shortdata is imported lazily by name and must be collected, but the
# geocoder, carrier and time-zone tables (~43 MB of source) are never used by Offscript.
from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("phonenumbers.geodata", "phonenumbers.geocoder", "phonenumbers.carrierdata",
          "phonenumbers.carrier", "phonenumbers.tzdata", "phonenumbers.timezone")

hiddenimports = collect_submodules(
    "phonenumbers", filter=lambda name: not name.startswith(UNUSED))
