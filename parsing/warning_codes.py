"""Every warning the parser can give (``ParseWarning.code``, the ``parse_warnings`` table), with what it means.

``NULLS`` are the warnings that leave a score NULL: the parser refuses a number rather than guess. The meta-test
in ``tests/parsing/test_warning_codes.py`` fails when the parser emits a code that is not here, or when a code
here has no test that makes the parser give it.
"""

from __future__ import annotations

WARNINGS: dict[str, str] = {
    # title block
    "city_not_found": "no city was found in the title block",
    "state_not_found": "no state was found in the title block",
    "cycle_not_found": "no cycle was found in the title block",
    "city_candidates_conflict": "the title block names more than one city; the one kept and the others are named",
    "cycle_candidates_conflict": "the document names more than one cycle; the one kept and the others are named",
    "city_from_file_name": "the city was read from the file name only",
    "cycle_from_file_name": "the cycle was read from the file name only",
    "metadata_value_cut": "a labelled value went on after a semicolon; only the part before it was read",
    "state_contradicts_city": "the printed state is not the city's; the gazetteer's state is kept",
    # indicators and their scores
    "indicator_without_score": "no score could be placed on the indicator (NULL)",
    "score_not_assessed": "the indicator is printed as not assessed (NULL, status not_assessed)",
    "unplaced_score": "a score line could not be tied to one indicator and was not used",
    "score_placed_by_max_match": "a score was placed by its maximum alone (the one indicator expecting it)",
    "max_differs_from_catalog": "the indicator is printed out of another maximum than the cycle's catalog gives: "
                                "the score may be another indicator's (NULL)",
    "max_inferred_from_pillar_total": "no maximum was printed; the one its pillar's maximum leaves was taken",
    "indicator_not_in_catalog": "the indicator's code is not in the cycle's catalog; it is loaded as printed",
    "score_out_of_range": "the score is negative or above its maximum (NULL)",
    "duplicate_indicator": "the indicator is printed more than once; its printings were merged",
    "score_conflict": "the indicator is printed with two different scores (NULL)",
    "text_cut": "the indicator's text ran far past any real report's and was cut",
    "pillar_maxima_mismatch": "a pillar's indicator maxima do not add up to the pillar's maximum",
    # refusals: a number that may be wrong is left NULL
    "placement_refused": "a score placed by a guess in a pillar that lost an indicator (NULL)",
    "score_not_trusted": "a code outside the catalog in a pillar that misses a catalog code, maybe that one misread "
                         "(NULL)",
    "codes_overlap": "two indicators share a code letter (\"3.c&3.d\" and \"3.d\"): one is misread (NULL)",
    "pillar_overfull": "a pillar's maxima add up to more than its maximum: its numbers were misread (NULL)",
    "pillar_total_disagrees": "a complete pillar's scores do not add up to its printed total (NULL)",
    "readings_disagree": "two equally consistent readings of the document give different scores (NULL)",
    # compendiums (several reports in one file)
    "contents_section_missing": "the contents page of a file that binds several reports lists a city that no "
                                "section was read as (on the file's first report)",
    "reports_not_told_apart": "a part of a file that binds several reports holds the title blocks of several "
                              "cities that could not be told apart: it was not loaded (on the file's first report)",
    # scanned pages
    "ocr_low_confidence": "OCR could not read a number with confidence; a score on its row is not trusted (NULL)",
    "ocr_page_turned": "a page was scanned turned and was read after turning it",
    "ocr_score_conflict": "an indicator printed with two scores, one read by OCR: neither is trusted (NULL)",
    "ocr_code_doubtful": "a code read by OCR has a pillar or letter the framework cannot have (NULL)",
    "ocr_row_mismatch": "a score read by OCR on another row of its code's table (NULL)",
}

NULLS = frozenset(("indicator_without_score", "score_not_assessed", "score_out_of_range", "score_conflict",
                   "max_differs_from_catalog", "placement_refused",
                   "score_not_trusted", "codes_overlap", "pillar_overfull", "pillar_total_disagrees",
                   "readings_disagree", "ocr_low_confidence", "ocr_score_conflict", "ocr_code_doubtful",
                   "ocr_row_mismatch"))
"""The warnings that leave the score of the indicator they name NULL."""
