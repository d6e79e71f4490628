"""Exercise set 06, task 5: coding five of the brief's sentences and the agreement with the module."""

import pytest

from alliancelab.checks import check
from alliancelab.checks.set06 import RAW_CLAIMS, module_coding
from alliancelab.models import scorecard

MODULE = module_coding()


def coding(**changes):
    return {**MODULE, **changes}


def test_the_five_sentences_are_in_the_brief_and_coded_by_the_module():
    assert set(MODULE) == set(RAW_CLAIMS)
    assert set(MODULE.values()) <= set(scorecard.VERDICTS)
    assert len(set(MODULE.values())) >= 4  # the five sentences span the kinds


def test_any_coding_is_right_when_its_agreement_matches():
    assert check("06.5", {"coding": MODULE, "agreement": 1.0}).correct
    other = coding(C12="forecast", C38="observation")
    assert other != MODULE
    assert check("06.5", {"coding": other, "agreement": 0.6}).correct


def test_a_wrong_share_is_wrong_and_gets_a_hint():
    result = check("06.5", {"coding": coding(C12="forecast"), "agreement": 1.0})
    assert result.correct is False and "Hint 1" in result.message


@pytest.mark.parametrize(
    "answer, message",
    [
        ({"coding": coding(C12="prediction"), "agreement": 0.8}, "'prediction' is not a kind"),
        ({"coding": coding(C12=["fact"]), "agreement": 0.8}, "is not a kind"),
        ({"coding": {"C12": "fact"}, "agreement": 0.2}, "one kind for each of"),
        ({"coding": MODULE, "agreement": 80}, "between 0 and 1"),
        ({"coding": MODULE, "agreement": True}, "between 0 and 1"),
        ({"coding": MODULE}, "two keys"),
        ("fact, forecast", "two keys"),
    ],
)
def test_malformed_answers_get_a_clear_message(answer, message):
    result = check("06.5", answer)
    assert result.correct is False and message in result.message
