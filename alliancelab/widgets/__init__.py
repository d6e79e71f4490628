"""Interactive explorers: ipywidgets controls wired to models and figure builders.

``base.Explorer`` is the shared mechanism; each other module is one explorer.
"""

from alliancelab.widgets.base import Explorer
from alliancelab.widgets.timeline import TimelineExplorer

__all__ = ["Explorer", "TimelineExplorer"]
