"""Person names without a list: gazetteer, cues, pairs, and words that must survive."""

from __future__ import annotations

import pytest

from journal.redact import RedactionPolicy, Redactor
from journal.redact.lexicon import lexicon


def redact(text: str) -> str:
    return Redactor(RedactionPolicy()).redact(text).text


def names_in(text: str) -> dict[str, bool]:
    r = Redactor(RedactionPolicy())
    return {text[s.start : s.end]: s.uncertain for s in r.detect(text) if s.category == "person"}


def test_gazetteer_is_large_and_multicultural() -> None:
    lex = lexicon()
    assert len(lex.first_names) > 3000 and len(lex.surnames) > 2000
    for name in ("priya", "oluwaseun", "siobhan", "tomasz", "yuki", "nguyen", "fatima", "thabo"):
        assert lex.is_name(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Had a call with Priya about evals.", "Priya"),
        ("Kwame thinks the prompt is too long.", "Kwame"),
        ("Thanks Siobhan for the review.", "Siobhan"),
        ("cc Tomasz on the thread", "Tomasz"),
        ("Dear Fatima, the run finished.", "Fatima"),
        ("Worked with Zhang Wei on retrieval.", "Zhang Wei"),
        ("Paired with Jean-Luc Picard today.", "Jean-Luc Picard"),
        ("Reviewed by Björn Lindqvist.", "Björn Lindqvist"),
        ("Sent it to Sean O'Brien.", "Sean O'Brien"),
    ],
)
def test_names_found(text: str, name: str) -> None:
    assert name in names_in(text)
    assert name not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Asked Xochiquetzal about the dataset.",  # not in gazetteer: cue
        "Met Kwabenaa Owusuu yesterday.",  # unknown pair mid-sentence
        "The plan from Zorblatt was odd.",
    ],
)
def test_unknown_names_with_cues_or_pairs(text: str) -> None:
    found = names_in(text)
    assert found, text
    for word in found:
        assert word not in redact(text)


def test_word_names_need_a_cue() -> None:
    assert names_in("Will this work? Grace under pressure.") == {}
    assert "Mark" in names_in("I asked Mark about it.")
    assert "Grace Hopper" in names_in("Then Grace Hopper would approve.")
    assert names_in("The demo is in May and June, by Friday.") == {}


def test_word_name_mid_sentence_without_cue_is_uncertain() -> None:
    assert names_in("then Hope came back with results") == {"Hope": True}


@pytest.mark.parametrize(
    "text",
    [
        "Asked ChatGPT and Claude, then Copilot and Gemini in Excel.",
        "Python, SQL, Kubernetes, Docker, React, Jira, Slack, GitHub, AWS, Azure.",
        "Linux and Windows; Notion, Figma, PowerPoint; Llama and Mistral.",
        "Summary: Then Asked for a Summary. Results were Good.",
        "GPT-4o vs Llama 3.1 70B for 45 minutes on Monday in January.",
        "Tried LangChain, LlamaIndex and PyTorch on a MacBook.",
        "Next Steps: Compare Prompt Templates.",
    ],
)
def test_ordinary_and_tech_words_survive(text: str) -> None:
    assert redact(text) == text


def test_name_repeated_without_cue_follows_first_detection() -> None:
    out = redact("Asked Xochiquetzal first. Xochiquetzal replied later; xochiquetzal agreed.")
    assert "ochiquetzal" not in out
    assert out.count("Person 1") == 3


def test_same_name_any_case_same_label() -> None:
    r = Redactor(RedactionPolicy())
    a = r.redact("Met Priya Raghunathan.").text
    b = r.redact("PRIYA RAGHUNATHAN and priya raghunathan").text
    assert a == "Met Person 1."
    assert b == "Person 1 and Person 1"


def test_soft_allow_tech_name_needs_strong_cue() -> None:
    assert redact("Rewrote the parser in Julia.") == "Rewrote the parser in Julia."
    assert "Julia" not in redact("Julia said the parser was slow.")


@pytest.mark.parametrize("text, name", [
    ("Ayşe Yılmaz fixed the regex.", "Ayşe"),
    ("Łukasz Wiśniewski wrote the SQL.", "Łukasz"),
    ("Søren approved the Python script.", "Søren"),
])
def test_names_with_diacritics_match_the_gazetteer_at_sentence_start(text: str, name: str) -> None:
    out = Redactor(RedactionPolicy()).redact(text).text
    assert name not in out
    assert out.startswith("Person 1")
