"""Figure builders: one colour-blind-safe style, titles, labelled axes and alt text from the data."""

import functools
import html
import io

import pytest

from alliancelab import brief, plotting
from alliancelab.errors import AllianceLabError


def test_palette_uses_okabe_ito_and_distinct_markers():
    styles = plotting.palette(["a", "b", "c", "d", "e", "f"])
    colours = [c for c, _ in styles.values()]
    markers = [m for _, m in styles.values()]
    assert set(colours) <= set(plotting.OKABE_ITO.values())
    assert len(set(colours)) == len(set(markers)) == 6


def test_palette_refuses_more_keys_than_it_can_tell_apart():
    with pytest.raises(ValueError, match="at most 6"):
        plotting.palette(range(7))


@pytest.mark.parametrize("title, xlabel, ylabel", [("", "x", "y"), ("t", "", "y"), ("t", "x", "")])
def test_figures_need_title_and_axis_labels(title, xlabel, ylabel):
    with pytest.raises(ValueError, match="title and labels"):
        plotting.new_figure(title, xlabel, ylabel)


def test_figures_never_use_offset_notation_so_the_title_keeps_its_place():
    figure, axes = plotting.new_figure("Title", "x", "y")
    axes.plot([0, 1], [2020.001, 2020.002])  # would be labelled "+2.02e3" offsets by default
    figure.savefig(io.BytesIO(), format="png")
    assert axes.yaxis.get_offset_text().get_text() == ""


def test_timeline_has_title_labels_and_one_lane_per_category(events):
    chart = plotting.timeline(events)
    axes = chart.figure.axes[0]
    assert axes.get_title(loc="left") == "Japan-US alliance timeline, 2012-2026"
    assert axes.get_xlabel() == "Date" and axes.get_ylabel() == "Event category"
    lanes = [t.get_text() for t in axes.get_yticklabels()]
    assert lanes == list(reversed(events["category"].cat.categories))  # the first category on top
    counts = chart.caption.split("(data/events.csv): ")[1].split(". ")[0].split(", ")
    assert [c.split(" ", 1)[1] for c in counts] == lanes[::-1]  # each lane's count, in the caption
    assert sum(int(c.split(" ", 1)[0]) for c in counts) == len(events)


def test_timeline_marks_the_brief_and_shades_after_it(events):
    axes = plotting.timeline(events).figure.axes[0]
    labels = [t.get_text() for t in axes.get_legend().get_texts()]
    assert labels == [brief.WRITTEN_LABEL, "After the brief"]


def test_timeline_alt_text_is_computed_from_the_data(events):
    chart = plotting.timeline(events)
    after = int(events["after_brief"].sum())
    assert chart.alt.startswith(f"Timeline of {len(events)} events from January 2012 to December 2026")
    assert f"{after} of the events come after it" in chart.alt
    assert f"{len(events)} of {len(events)} sourced events" in chart.caption


def test_filtered_timeline_describes_only_what_it_shows(events):
    chart = plotting.timeline(events, ["trade"], 2025, 2025)
    expected = ((events["category"] == "trade") & (events["date"].dt.year == 2025)).sum()
    assert chart.alt.startswith(f"Timeline of {expected} events from January 2025 to December 2025")
    assert [t.get_text() for t in chart.figure.axes[0].get_yticklabels()] == ["trade"]
    assert f"sourced events (data/events.csv): {expected} trade." in chart.caption


def test_empty_selection_says_so(events):
    chart = plotting.timeline(events, ["climate"], 2012, 2013)
    assert "no events match" in chart.alt


def test_chart_outputs_carry_png_alt_text_and_caption(events):
    image, caption = plotting.timeline(events).outputs()
    assert image["data"]["image/png"].startswith("iVBORw0KGgo")  # base64 of the PNG signature
    assert image["metadata"]["image/png"]["alt"] == image["data"]["text/plain"]
    assert caption["data"]["text/markdown"].startswith("*Figure:")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"categories": ["sports"]}, "Unknown category 'sports'. Known categories: diplomacy"),
        ({"start": 2020, "end": 2015}, "The start (2020-01-01) is after the end (2015-12-31)"),
        ({"start": "last spring"}, "Expected a year or a date"),
        ({"start": True}, "Expected a year or a date"),
    ],
)
def test_bad_arguments_give_clear_errors(events, kwargs, message):
    with pytest.raises(AllianceLabError) as err:
        plotting.timeline(events, **kwargs)
    assert message in str(err.value)


def test_chart_svg_is_reproducible_keeps_text_and_carries_the_alt_text(events):
    chart = plotting.timeline(events)
    svg = chart.svg()
    assert svg == plotting.timeline(events).svg()  # the same figure again gives the same text, ids included
    assert f"<title>{html.escape(chart.alt)}</title>" in svg and '<svg role="img"' in svg
    assert "<text " in svg and "Japan-US alliance timeline" in svg  # text stays text
    # A fresh figure: a figure's first drawing lays it out, and a second layout may differ by a rounding error
    # (1e-16 of its width), which renames the clip paths.
    image, _ = plotting.timeline(events).outputs("svg")
    assert image["data"]["image/svg+xml"] == svg and image["metadata"]["image/svg+xml"]["alt"] == chart.alt


def test_a_later_chart_of_the_same_shape_reuses_the_first_layout(events):
    first = plotting.timeline(events)
    first.svg()  # rendering lays the figure out
    later = plotting.timeline(events, start=2020)
    assert later.shape() == first.shape() == (10.0, 4.5, 1)
    later.reuse_layout(first.layout())
    assert later.figure.get_layout_engine() is None
    assert [a.get_position().bounds for a in later.figure.axes] == [p.bounds for p in first.layout()]


# --- charts updated in place (widgets) ------------------------------------------------------------


@functools.cache
def _in_place_cases():
    """name -> (figure function, first call's arguments, second call's arguments), on the real tables."""
    from alliancelab import data
    from alliancelab.models import forecasting as fc
    from alliancelab.models import negotiation as neg
    from alliancelab.models import scenarios as sc
    from alliancelab.models import security_dilemma as sd
    from alliancelab.models import tariffs
    from alliancelab.models import two_level_game as tlg
    from alliancelab.plotting import burden, forecasting, negotiation, network, scenarios, security_dilemma, trade
    from alliancelab.simulation import briefs

    events, ties, defense = data.load("events"), data.load("alliance_ties"), data.load("defense_spending")
    marks = trade.japan_rate_marks(data.load("trade_tariffs"))
    japan, us = briefs.japan_settings(), briefs.us_settings()
    mix = {"labour": 50, "utilities": 10, "facilities": 30, "training_relocation": 10}
    first, later = neg.offer(215, mix, 2.2), neg.offer(300, mix, 3.2, True)
    actual = (211.0, "Current SMA")  # offers_chart(japan_offers, us_offers, japan, us, agreement, actual, draft)
    japan_ws, us_ws = tlg.win_set("Japan", 0, 20, "low"), tlg.win_set("United States", 10, 30, "high")
    ranges = sc.score_range()
    brief_world, turned_out = (sc.scores(sc.positions(levels)) for levels in list(sc.PRESETS.values())[:2])
    probs, outcomes = [0.9, 0.7, 0.2, 0.5], [1, 0, 0, 1]
    return {
        "timeline": (plotting.timeline, (events,), (events, ["trade", "security"], 2024, 2026)),
        "network": (network.alliance_network, (ties, 2025), (ties, 1995, "Japan")),
        "cost calculator": (
            burden.cost_calculator,
            (defense, 566.0, 2022, 2.0, 2.0, 2027),
            (defense, 566.0, 2022, 5.0, 3.5, 2033, True),
        ),
        "tariff effect": (
            trade.tariff_effect,
            (tariffs.tariff_effect(15, 1.5, 1), marks),
            (tariffs.tariff_effect(90, 3, 0.5), marks),
        ),
        "olson-zeckhauser": (burden.olson_zeckhauser, (0.25, 0.3, 0.3), (0.45, 0.6, 0.2)),
        "win-sets (overlap, then none)": (
            trade.win_sets,
            (japan_ws, us_ws, 0.5, (15.0, "deal")),
            (japan_ws, tlg.win_set("United States", 25, 40, "high"), 0.5, (15.0, "deal")),
        ),
        "security dilemma": (security_dilemma.dilemma, (sd.Alliance(),), (sd.Alliance(outside_options=0.9),)),
        "scenario scores": (scenarios.scenario_scores, (brief_world, ranges), (turned_out, ranges)),
        "calibration": (forecasting.calibration_chart, (probs, outcomes), ([0.1, 0.2, 0.9, 0.95], outcomes)),
        "squared errors": (
            forecasting.squared_error_bars,
            (fc.score_table(probs, outcomes, list("abcd")),),
            (fc.score_table([0.2, 0.9, 0.6, 0.5], [1, 1, 0, 0], list("abcd")),),
        ),
        "offers (a draft, then two rounds and a deal)": (
            negotiation.offers_chart,
            ([], [], japan, us, None, actual, first),
            ([first, later], [neg.offer(800, mix, 5.0), later], japan, us, later, actual),
        ),
        "offers (a deal, then a draft)": (
            negotiation.offers_chart,
            ([first], [later], japan, us, later, actual),
            ([], [], japan, us, None, actual, later),
        ),
    }


@pytest.mark.parametrize("name", list(_in_place_cases()))
def test_a_chart_updated_in_place_looks_and_reads_as_one_drawn_anew(name):
    draw, first_args, later_args = _in_place_cases()[name]
    shown = draw(*first_args)
    shown.svg()  # on show, as in a widget
    updated = draw(*later_args, into=shown)
    fresh = draw(*later_args)
    assert updated is shown
    fresh.reuse_layout(updated.layout())
    updated.reuse_layout(updated.layout())
    assert (updated.alt, updated.caption) == (fresh.alt, fresh.caption)
    assert updated.svg() == fresh.svg()  # the same marks, text and places


def test_a_chart_drawn_for_other_fixed_inputs_is_replaced_not_updated():
    from alliancelab.models import tariffs
    from alliancelab.plotting import trade

    marked = trade.tariff_effect(tariffs.tariff_effect(15, 1.5, 1), [(15.0, "deal")])
    alt = marked.alt
    plain = trade.tariff_effect(tariffs.tariff_effect(25, 1.5, 1), into=marked)
    assert plain is not marked and marked.alt == alt
    assert not plain.figure.axes[0].texts  # no "deal" mark carried over
