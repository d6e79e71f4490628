"""Alliance Politics Lab: data, models, figures and widgets for the lesson notebooks.

The package is split by concern:

- ``data``      load the sourced tables in ``data/`` and validate them against their schema
- ``display``   how tables look in a notebook (text shown whole)
- ``brief``     facts about the policy brief the module teaches (title, sections, date written)
- ``lessons``   the lesson sequence (titles, files, estimated times)
- ``events``    selecting and describing events from the timeline table
- ``plotting``  figure builders with one colour-blind-safe style, titles, axis labels and alt text
- ``widgets``   ipywidgets controls wired to the figure builders
"""

from alliancelab.display import install_notebook_display
from alliancelab.errors import AllianceLabError, DataError, install_notebook_error_display

__version__ = "0.1.0"
__all__ = ["AllianceLabError", "DataError", "__version__"]

install_notebook_error_display()
install_notebook_display()
