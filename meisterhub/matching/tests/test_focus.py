"""What a request asks versus what it is about (focus.py and the focus/question data files)."""

import shutil

import pytest

from meisterhub.matching.analyzer import analyze
from meisterhub.matching.focus import ASK_FACTOR, BACKGROUND_FACTOR, sentence_weights
from meisterhub.matching.lexicon import DATA_DIR, Lexicon, get_lexicon
from meisterhub.matching.ranker import Matcher

from .conftest import ROSTER

# Objects of welding (bracket, weld, bead), question of design (fatigue life, design change).
ABOUT_WELD_ASKS_DESIGN = (
    "TIG 용접으로 붙인 스테인리스 브래킷이 진동으로 용접부 옆에서 금이 갑니다. "
    "용접 조건은 문제없다고 확인했습니다. 브래킷 형상 설계를 어떻게 바꿔야 할까요?"
)
LONG_STORY = (
    "저희는 20년째 유압 실린더를 만드는 회사입니다. 예전에는 용접 비드 문제로 고생했습니다. "
    "작년에 용접 로봇을 들였고 용접 품질은 좋아졌습니다. 직원은 30명이고 매출은 늘었습니다. "
    "그런데 요즘 경쟁사가 비슷한 제품을 내놓았습니다. 저희 구조를 특허로 보호할 수 있는지 궁금합니다."
)


def codes(matcher, text):
    return [f.code for f in matcher.rank(text).fields]


@pytest.fixture(scope="module")
def unfocused(tmp_path_factory) -> Matcher:
    """The same lexicon with the focus and question files emptied."""
    data = tmp_path_factory.mktemp("data")
    for path in DATA_DIR.glob("*.tsv"):
        shutil.copy(path, data / path.name)
    (data / "focus.tsv").write_text("", encoding="utf-8")
    (data / "questions.tsv").write_text("", encoding="utf-8")
    return Matcher(ROSTER, lexicon=Lexicon(data))


def test_the_question_decides_not_the_objects(matcher):
    assert codes(matcher, ABOUT_WELD_ASKS_DESIGN)[0] == "DESIGN"


def test_focus_data_is_what_decides(matcher, unfocused, monkeypatch):
    """Break the rule on purpose: without markers, question words and sentence focus, the
    nouns win again."""
    import meisterhub.matching.focus as focus

    for name in ("ASK_FACTOR", "LAST_FACTOR", "HEAD_FACTOR", "CAUSE_FACTOR"):
        monkeypatch.setattr(focus, name, 1.0)
    monkeypatch.setattr(focus, "BACKGROUND_FACTOR", 1.0)
    assert codes(unfocused, ABOUT_WELD_ASKS_DESIGN)[0] != "DESIGN"
    assert codes(unfocused, LONG_STORY)[0] != "IP"


@pytest.fixture(scope="module")
def unmarked(tmp_path_factory) -> Matcher:
    """The same lexicon with only the settled/background markers (focus.tsv) emptied."""
    data = tmp_path_factory.mktemp("unmarked")
    for path in DATA_DIR.glob("*.tsv"):
        shutil.copy(path, data / path.name)
    (data / "focus.tsv").write_text("", encoding="utf-8")
    return Matcher(ROSTER, lexicon=Lexicon(data))


@pytest.mark.parametrize(
    "text",
    [
        "열처리 경도와 침탄 깊이는 정상인데 도금이 들떠요",
        "침탄 담금질 뜨임 경도는 괜찮은데 버핑 광택이 안 나요",
    ],
)
def test_a_clause_marked_as_settled_counts_less(matcher, unmarked, text):
    assert codes(matcher, text)[0] == "SURF"
    assert codes(unmarked, text)[0] == "HEAT"  # the markers are what decides


def test_long_story_is_decided_by_its_last_question(matcher):
    assert codes(matcher, LONG_STORY)[0] == "IP"


def test_sentences_that_ask_weigh_more_than_background():
    text = "저희 회사는 프레스 부품을 만듭니다. 작년에 라인을 늘렸습니다. 도금이 왜 벗겨지는지 궁금해요"
    weights = sentence_weights(analyze(text), get_lexicon().question_cues)
    assert [w for _s, _e, w, _a in weights] == [BACKGROUND_FACTOR, BACKGROUND_FACTOR, ASK_FACTOR]
    english = sentence_weights(
        analyze("We make brackets. How can we stop the cracks?"), get_lexicon().question_cues
    )
    assert [a for *_x, a in english] == [False, True]


def test_a_named_cause_outweighs_the_object(matcher):
    # A CNC cell (machining objects) that stops because of the cell PLC (automation).
    text = "CNC 선반 셀이 가공 중에 자꾸 멈춥니다. 셀 PLC 인터록 때문인지 봐 주세요."
    assert codes(matcher, text)[0] == "AUTO"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We see porosity in aluminium castings after machining.", "CAST"),
        ("burrs on the stamped edge after trimming, 디버링 방법?", "MACH"),
        ("Springback 때문에 bending angle이 안 맞아요", "FORM"),
        ("PLC handshake between robot and press fails sometimes", "AUTO"),
        ("PPAP 제출 전에 PFMEA랑 control plan 검토 부탁드립니다", "QUAL"),
    ],
)
def test_english_terms_map_to_the_korean_concepts(matcher, text, expected):
    assert codes(matcher, text)[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("비비리 때문에 면이 안 나와요 엔드밀 바꿔도 똑같음", "MACH"),
        ("도부 보냈는데 노로 덜 깐 자리만 도금이 안 묻었어요", "SURF"),
        ("습동면 키사게 다시 해야 되나요 새들 유격이 심해요", "TOOL"),
        ("사출품에 히케가 생겨요 게이트 쪽", "MOLD"),
    ],
)
def test_shop_floor_slang(matcher, text, expected):
    assert codes(matcher, text)[0] == expected


def test_the_end_of_a_very_long_text_is_kept(matcher):
    text = "기계 이야기입니다. " * 600 + "특허 출원을 하고 싶은데 어떻게 하나요?"
    assert len(text) > 5000
    assert codes(matcher, text)[0] == "IP"
