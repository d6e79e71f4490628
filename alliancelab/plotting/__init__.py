"""Figure builders: data or model results in, a :class:`Chart` out.

``style`` holds the one palette (Okabe-Ito), the figure template and :class:`Chart`;
each other module draws one kind of figure. The figures a widget redraws take ``into=``, an earlier chart of
their own, and update it in place (see :func:`style.updatable`).
"""

from alliancelab.plotting.style import OKABE_ITO, Chart, new_figure, palette
from alliancelab.plotting.timeline import timeline

__all__ = ["OKABE_ITO", "Chart", "new_figure", "palette", "timeline"]
