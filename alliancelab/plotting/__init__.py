"""Figure builders: data or model results in, a :class:`Chart` out.

``style`` holds the one palette (Okabe-Ito), the figure template and :class:`Chart`;
each other module draws one kind of figure.
"""

from alliancelab.plotting.style import OKABE_ITO, Chart, new_figure, palette
from alliancelab.plotting.timeline import timeline

__all__ = ["OKABE_ITO", "Chart", "new_figure", "palette", "timeline"]
