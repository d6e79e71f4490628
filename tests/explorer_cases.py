"""Every explorer widget with a factory and a change of one control between two valid values.

Shared by the tests (each explorer's layered figure against a full rendering) and the benchmark
(``benchmarks/run.py`` times the change). Add a case when you add an explorer: the tests fail on an
explorer class without one.
"""

from pathlib import Path


def widget_cases():
    """(name, factory, [control setters alternating between two valid values]) for every widget class."""
    from alliancelab import data

    events, tariffs = data.load("events"), data.load("trade_tariffs")
    cases = {}

    def add(module, cls, factory, change):
        cases[f"{module}.{cls}"] = (factory, change)

    from alliancelab.widgets.timeline import TimelineExplorer

    add(
        "timeline",
        "TimelineExplorer",
        lambda: TimelineExplorer(events),
        lambda x, i: setattr(x.years, "value", (x.years.min + 3 * (i % 2), x.years.max)),
    )
    from alliancelab.widgets.network import AllianceNetworkExplorer

    ties = data.load("alliance_ties")
    add(
        "network",
        "AllianceNetworkExplorer",
        lambda: AllianceNetworkExplorer(ties),
        lambda x, i: setattr(x.year, "value", x.year.max - 5 * (i % 2)),
    )
    from alliancelab.widgets.burden import BurdenCalculator, OlsonZeckhauserExplorer

    defense, gdp = data.load("defense_spending"), data.load("gdp")
    add(
        "burden",
        "BurdenCalculator",
        lambda: BurdenCalculator(defense, gdp),
        lambda x, i: setattr(x.share, "value", 3.5 if i % 2 else 2.0),
    )
    add(
        "burden",
        "OlsonZeckhauserExplorer",
        OlsonZeckhauserExplorer,
        lambda x, i: setattr(x.small_share, "value", 0.30 if i % 2 else 0.25),
    )
    from alliancelab.widgets.trade import CoalitionExplorer, TariffCalculator, WinSetExplorer

    add(
        "trade",
        "TariffCalculator",
        lambda: TariffCalculator(tariffs),
        lambda x, i: setattr(x.rate, "value", 25.0 if i % 2 else 15.0),
    )
    add(
        "trade",
        "WinSetExplorer",
        lambda: WinSetExplorer(tariffs),
        lambda x, i: setattr(x.weight, "value", 0.6 if i % 2 else 0.5),
    )
    add(
        "trade",
        "CoalitionExplorer",
        CoalitionExplorer,
        lambda x, i: setattr(x.us_ask, "value", 20.0 if i % 2 else 25.0),
    )
    from alliancelab.widgets.security_dilemma import SecurityDilemmaExplorer

    add(
        "security_dilemma",
        "SecurityDilemmaExplorer",
        SecurityDilemmaExplorer,
        lambda x, i: setattr(x.sliders["threat"], "value", 0.7 if i % 2 else 0.5),
    )
    from alliancelab.widgets.scenarios import ScenarioExplorer

    def scenario_change(x, i):
        slider = next(iter(x.sliders.values()))
        slider.value = slider.options[(i % 2) + 1]

    add("scenarios", "ScenarioExplorer", ScenarioExplorer, scenario_change)
    try:
        from alliancelab.widgets.forecasting import ForecastScorer

        questions = data.load("forecast_questions")
        add(
            "forecasting",
            "ForecastScorer",
            lambda: ForecastScorer(questions),
            lambda x, i: setattr(next(iter(x.sliders.values())), "value", 0.7 if i % 2 else 0.5),
        )
    except ImportError:
        pass
    from alliancelab.models import comparison as cmp
    from alliancelab.widgets.comparison import AllyComparisonExplorer

    table = cmp.comparison_table(data.load("ally_comparison"), defense, data.load("host_nation_support"))
    add(
        "comparison",
        "AllyComparisonExplorer",
        lambda: AllyComparisonExplorer(table),
        lambda x, i: setattr(x.allies["Poland"], "value", bool(i % 2)),
    )
    from alliancelab.widgets.negotiation import NegotiationGame

    add(
        "negotiation",
        "NegotiationGame",
        NegotiationGame,
        lambda x, i: setattr(x.total, "value", 240.0 if i % 2 else 211.0),
    )
    return cases


def all_explorer_classes():
    """Every Explorer subclass defined in alliancelab/widgets (to flag any the cases above miss)."""
    import importlib
    import inspect

    from alliancelab import widgets
    from alliancelab.widgets.base import Explorer

    found = set()
    for path in sorted((Path(widgets.__file__).parent).glob("*.py")):
        if path.stem in ("__init__", "base"):
            continue
        module = importlib.import_module(f"alliancelab.widgets.{path.stem}")
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Explorer) and obj is not Explorer and obj.__module__ == module.__name__:
                found.add(f"{path.stem}.{name}")
    return found
