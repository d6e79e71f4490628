"""Facts about the policy brief the module teaches."""

import pandas as pd

TITLE = "Japan-US Ties in the Trump 2.0 Era: Continuity, Change, and Strategic Challenges"
AUTHOR = "Saume Saptaparna Nath"
PUBLISHER = "KRF Center for Bangladesh and Global Affairs (CBGA)"
#: The publisher's page for the brief (data/brief_map.csv, source_url).
URL = "https://www.cbgabd.org/?p=10987"

#: The brief was written in late November 2024: the latest date it gives is the Xi-Ishiba
#: meeting at APEC in Lima on 15 November 2024, and it names Scott Bessent as Treasury
#: Secretary, a choice Trump announced on 22 November 2024 (data/events.csv). Events after
#: this day are "after the brief" in the data and on every timeline.
WRITTEN = pd.Timestamp("2024-11-30")
WRITTEN_LABEL = "Brief written (late Nov 2024)"

#: The brief's body has 14 paragraphs (P01-P14), mapped to lessons in data/brief_map.csv.
PARAGRAPHS = 14

#: The brief's sections, in order: data key -> heading in the brief.
SECTIONS = {
    "intro": "Introduction",
    "what_is_at_stake": "What Is at Stake?",
    "opportunities": "Not Only Challenges but Also Opportunities?",
    "what_lies_ahead": "What Lies Ahead?",
}


def citation() -> str:
    """The brief's full citation in Markdown, with a link to its publisher's page."""
    return (
        f'{AUTHOR} (2024). "{TITLE}". {PUBLISHER}, brief 167, written in late November 2024. '
        f"[{URL}]({URL}) [`nath2024`]"
    )
