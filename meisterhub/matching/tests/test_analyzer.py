"""Analyzer and concept finding: grades, slang, typos, spacing, masks. No database."""

import pytest

from meisterhub.matching.analyzer import MAX_CHARS, analyze, clean, compact, jamo, josa
from meisterhub.matching.concepts import find_hits
from meisterhub.matching.lexicon import get_lexicon


def concepts(text: str) -> dict[str, str]:
    """concept -> kind of the hit that found it."""
    return {h.concept: h.kind for h in find_hits(analyze(text), get_lexicon())}


def test_clean_drops_markup_and_caps_length():
    assert "<" not in clean("<b>용접</b> <script>x</script>")
    assert len(clean("가" * 20000)) <= MAX_CHARS


def test_compact_removes_spaces_but_keeps_ascii_words_apart():
    text, index = compact("고주파 열처리 MT PT")
    assert text == "고주파열처리MT PT"
    assert index[3] == 4


def test_jamo_and_josa():
    assert jamo("용접") == "ㅇㅛㅇㅈㅓㅂ"
    assert josa("광택", "이", "가") == "이" and josa("버핑", "이", "가") == "이"
    assert josa("도금", "이", "가") == "이" and josa("크랙", "이", "가") == "이"
    assert josa("기어", "이", "가") == "가"


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("SCM440 기어", "크롬몰리브덴강"),
        ("scm 415 핀", "크롬몰리브덴강"),
        ("SUS304 판재", "스테인리스강"),
        ("SKD11 펀치", "합금공구강"),
        ("ADC12 케이스", "알루미늄 주조 합금"),
        ("FCD450 주물", "구상흑연주철"),
        ("Ti-6Al-4V 브래킷", "티타늄 합금"),
        ("A7075-T6 부품", "알루미늄 전신재"),
        ("C1100 버스바", "동·동합금"),
    ],
)
def test_material_grades_map_to_families(text, family):
    assert concepts(text).get(family) == "grade"


def test_grade_is_a_clue_not_a_field():
    weights = get_lexicon().weights("크롬몰리브덴강")
    assert max(weights.values()) <= 1.5 and {"MATL", "HEAT"} <= set(weights)


def test_scm_without_digits_is_supply_chain_not_steel():
    assert "SCM" in concepts("SCM 시스템 구축")
    assert "크롬몰리브덴강" not in concepts("SCM 시스템 구축")
    assert "SCM" not in concepts("SCM440 소재")


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("빠우 작업", "버핑"),
        ("바리가 많아요", "버"),
        ("야끼이레 후 휨", "담금질"),
        ("야끼모도시 온도", "뜨임"),
        ("나마시 처리", "풀림"),
        ("기리코가 엉켜요", "칩"),
        ("시보리 작업", "드로잉"),
        ("메끼가 벗겨져요", "도금"),
        ("우라나미가 안 나와요", "이면 비드"),
        ("용접똥이 튀어요", "스패터"),
        ("인버타 설치", "인버터"),
        ("베아링 소음", "베어링"),
        ("실린다 누유", "실린더"),
        ("클랙 발생", "균열"),
        ("welding 불량", "용접"),
    ],
)
def test_slang_and_variants_are_normalised(text, canonical):
    assert canonical in concepts(text)


def test_typos_are_tolerated_by_jamo_distance():
    found = concepts("열쳐리 후 경도 불량")
    assert found.get("열처리") in {"exact", "fuzzy"}
    assert concepts("침탄질하 깊이").get("침탄질화") == "fuzzy"


def test_spacing_errors_do_not_matter():
    assert "고주파 열처리" in concepts("고주파열처리후경도가안나와요")
    assert "고주파 열처리" in concepts("고주파 열처리 후 경도")


def test_masks_and_morpheme_terms_prevent_false_hits():
    assert "단조" not in concepts("일이 단조롭습니다")
    assert "사고" not in concepts("새 장비를 사고 싶어요")
    assert "사고" in concepts("끼임 사고가 났습니다")


def test_short_ascii_terms_are_case_sensitive():
    assert "MT" in concepts("MT 탐상")
    assert "MT" not in concepts("smt line mt")
    assert not concepts("smt line mt")


def test_verb_stems_are_concepts():
    assert "누설" in concepts("실린더에서 기름이 샙니다")
    assert "파단" in concepts("샤프트가 부러졌습니다")


def test_standards_are_recognised():
    assert "ISO 9001" in concepts("ISO9001 인증")
    assert "IATF 16949" in concepts("IATF 16949 심사")
    assert "AS9100" in concepts("AS 9100 준비")
