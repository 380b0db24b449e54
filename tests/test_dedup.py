"""Duplicate removal (policy C) on small documents shaped like real scraped pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_scrape_shapes import shapes

from cleaner import Options, clean, load_rules

NO_RULES = load_rules([], defaults=False)

LEAD = (
    "Bitcoin, the world's largest cryptocurrency, has experienced a massive drop in the last few minutes. "
    "Here are the latest figures and the reason for the decline."
)
P2 = "Analysts note that selling pressure has deepened due to weakening marginal demand and volatility."
P3 = "Ethereum also felt the effects of the sell-off, losing 10.84% in the last 24 hours."
TITLE = "Bitcoin slides below $67,000 as selling pressure deepens"  # no full stop, as titles go


def run(text: str, **opts):
    return clean(text, rules=NO_RULES, options=Options(**opts) if opts else None)


def test_exact_copy_keeps_first_and_points_to_it():
    raw = f"Title of the story\n{LEAD}\n{P2}\nTitle of the story\n{LEAD}\n{P2}"
    r = run(raw)
    assert r.text == f"Title of the story\n\n{LEAD}\n\n{P2}"
    assert [x.rule for x in r.removals] == ["dedup.exact"] * 3
    for x in r.removals:
        assert raw[x.start : x.end] == x.text
        assert x.duplicate_of[1] <= x.start


def test_near_copy_with_other_quotes_spaces_and_a_small_edit():
    variant = LEAD.replace("'", "’").replace(" has ", "\u00a0has ").replace("decline.", "decline")
    r = run(f"{LEAD}\n{P2}\n{variant}")
    assert r.text == f"{LEAD}\n\n{P2}"
    assert r.removals[0].kind == "duplicate"
    assert r.removals[0].rule in ("dedup.exact", "dedup.near")


def test_one_word_edited_in_a_long_paragraph_is_a_near_copy():
    edited = LEAD.replace("massive", "huge")
    r = run(f"{LEAD}\n{P2}\n{edited}")
    assert r.text == f"{LEAD}\n\n{P2}"
    assert r.removals[0].rule == "dedup.near" and 90 <= r.removals[0].score < 100


def test_short_lines_differing_in_a_name_or_number_are_different_content():
    raw = (
        "Проголосовать за Олесю вы можете на последней странице!\n"
        "Проголосовать за Евгению вы можете на последней странице!\n"
        "Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.\n"
        "Portion Fix Containers: 1 Green, 2 Red, 1 Yellow, 1 tsp."
    )
    assert run(raw).text == raw.replace("\n", "\n\n")


def test_lines_of_a_list_differing_only_in_a_quantity_are_different_content():
    """A meal plan's two portions of one dish (AEB page 5f03fc173ebc, beachbodyondemand.com, MIT): 26 words each,
    only "4 oz." / "8 oz." apart, within the word budget a copy may differ by, but a changed number is another
    line of the list, not its copy (stop 19; before, dedup.near removed the second)."""
    raw = (
        "Asian Chicken Zoodles [1 cup zucchini noodles (sautéed using nonstick spray), 4 oz. cooked chicken, ½ cup"
        " edamame, 1 tsp. sesame oil, 1 tsp. soy sauce, 1 tsp. fresh ginger, 1 Tbsp. green onions, 1 Fresno chile"
        " or chili flakes]\n"
        "Asian Chicken Zoodles [1 cup zucchini noodles (sautéed using nonstick spray), 8 oz. cooked chicken, ½ cup"
        " edamame, 1 tsp. sesame oil, 1 tsp. soy sauce, 1 tsp. fresh ginger, 1 Tbsp. green onions, 1 Fresno chile"
        " or chili flakes]"
    )
    assert run(raw).text == raw.replace("\n", "\n\n")


def test_long_paragraph_reworded_in_a_few_places_is_a_near_copy():
    # gate.io/tr/learn/articles/what-is-a-fully-diluted-valuation-fdv-in-crypto/4522 (dev case 114):
    # the closing intro repeats the dek with "nilai"->"valuasi", "bergantung pada"->"mengandalkan"
    dek = (
        "Artikel ini menjelaskan apa yang dimaksud dengan kapitalisasi pasar sepenuhnya dilusi dalam kripto "
        "dan membahas langkah-langkah perhitungan nilai sepenuhnya dilusi, pentingnya FDV, dan risiko "
        "bergantung pada FDV dalam kripto."
    )
    body = "Ketika mengevaluasi proyek kripto, Anda sering akan menemukan metrik yang memberikan wawasan."
    again = dek.replace("perhitungan nilai", "perhitungan valuasi").replace("bergantung pada", "mengandalkan")
    r = run(f"{dek}\n{body}\n{again}")
    assert r.text == f"{dek}\n\n{body}"
    assert r.removals[0].rule == "dedup.near"


def test_long_lines_differing_in_numbers_are_different_content():
    # two smoothie recipes of one AEB clean body (ScrapingHub benchmark, MIT): one ingredient added
    a = "1 scoop Shakeology, 1 cup strawberries, 8 oz. unsweetened almond milk (or 1 tsp. nut butter and 8 oz. water)"
    b = a.replace("1 cup strawberries", "1 cup spinach, 1 cup strawberries")
    raw = f"{a}\n{b}"
    assert run(raw).text == raw.replace("\n", "\n\n")


def test_near_duplicate_below_threshold_is_kept():
    other = "Bitcoin, the world's largest cryptocurrency, recovered sharply in the last few hours after a drop."
    r = run(f"{LEAD}\n{other}")
    assert r.text == f"{LEAD}\n\n{other}"


def test_teaser_is_replaced_by_its_fuller_version_at_its_position():
    teaser = LEAD[:70] + "…"
    r = run(f"{teaser}\n{P2}\n{LEAD}\n{P3}")
    assert r.text == f"{LEAD}\n\n{P2}\n\n{P3}"
    assert [x.rule for x in r.removals] == ["dedup.teaser"]


def test_title_again_with_the_sites_hashtag_is_a_copy_not_a_fuller_version():
    """fresh f30-09 (https://www.subahsamachar.com/news/detail/…): the page ends on its title again with the site's
    hashtag; the later block goes (C5) and the title stays where it stands, not replaced by the tagged copy."""
    title = "नगर निगम बोर्ड बैठक: हंगामे के बीच सदन छोड़कर निकले नगर आयुक्त, पार्षदों का जमकर हंगामा"
    r = run(f"{title}\n{LEAD}\n{P2}\n{title} #SubahSamachar")
    assert r.text == f"{title}\n\n{LEAD}\n\n{P2}"
    assert [(x.rule, x.text) for x in r.removals] == [("dedup.near", f"{title} #SubahSamachar")]
    # a fuller text after the copy is still a teaser's fuller version, and so is a post's line with its tags
    r = run(f"{title}\n{LEAD}\n{title} #SubahSamachar and a longer sentence that goes on")
    assert [x.rule for x in r.removals] == ["dedup.teaser"]
    post = "Hoy inauguramos la nueva biblioteca del barrio San Isidro"
    r = run(f"{post}\n{LEAD}\n{post} #SanIsidro #BibliotecaSanIsidro #Valladolid")
    assert [x.rule for x in r.removals] == ["dedup.teaser"]
    assert r.text.startswith(f"{post} #SanIsidro #BibliotecaSanIsidro #Valladolid")


def test_block_glued_to_its_own_copy_keeps_one():
    r = run(f"{LEAD}{LEAD}\n\n{P2}")
    assert r.text == f"{LEAD}\n\n{P2}"
    assert r.removals[0].rule == "dedup.repeat"
    assert r.removals[0].text == LEAD


def test_meta_description_glued_to_fuller_lead_keeps_the_fuller_text():
    r = run(f"{LEAD[:60]}...{LEAD}")
    assert r.text == LEAD


def test_second_copy_cut_off_mid_paragraph_is_removed_entirely():
    raw = f"Headline here today\n{LEAD}\n{P2}\nSome disclaimer line between\nHeadline here today\n{LEAD}\n{P2[:50]}"
    r = run(raw)
    assert r.text == f"Headline here today\n\n{LEAD}\n\n{P2}\n\nSome disclaimer line between"


def test_flattened_article_twice_on_one_line():
    r = run(f"{LEAD} {P2} {P3} {LEAD} {P2} {P3}")
    assert r.text == f"{LEAD} {P2} {P3}"


def test_short_lines_that_legitimately_repeat_are_protected():
    raw = "Q:\nWhat happened?\nYes.\nQ:\nWhy did it happen?\nYes.\n- item\n- item"
    r = run(raw)
    assert r.text == "Q:\n\nWhat happened?\n\nYes.\n\nQ:\n\nWhy did it happen?\n\nYes.\n\n- item\n\n- item"
    assert not r.removals


def test_short_line_threshold_is_an_option():
    raw = "Breaking news\nBody text of the article.\nBreaking news"
    assert run(raw).text == "Breaking news\n\nBody text of the article."
    assert run(raw, min_dup_chars=20).text == "Breaking news\n\nBody text of the article.\n\nBreaking news"


def test_dedup_can_be_turned_off():
    raw = f"{LEAD}\n{LEAD}"
    assert run(raw, dedup=False).text == f"{LEAD}\n\n{LEAD}"


def test_cjk_text_without_spaces():
    zh = "比特币价格今日大幅下跌，市场情绪转向谨慎，分析师认为短期内仍有进一步回调的风险。"
    r = run(f"{zh}{zh}\n另一段内容，讨论以太坊的走势以及机构资金的流向变化情况。\n{zh}")
    assert r.text == f"{zh}\n\n另一段内容，讨论以太坊的走势以及机构资金的流向变化情况。"


def test_whitespace_is_folded_but_characters_are_never_rewritten():
    raw = "  “Quoted”   text &#8217; with\tentities  \n\n\n Second\u00a0paragraph "
    r = run(raw)
    assert r.text == "“Quoted” text &#8217; with entities\n\nSecond paragraph"


def test_article_repeated_as_one_flattened_line_after_its_paragraphs():
    raw = f"{LEAD}\n{P2}\n{P3}\n{LEAD} {P2} {P3}"
    r = run(raw)
    assert r.text == f"{LEAD}\n\n{P2}\n\n{P3}"
    assert r.removals[-1].rule == "dedup.contained"


def test_flattened_copy_with_the_title_glued_to_its_lead_goes():
    """The title has no full stop, so the copy's first "sentence" is title + lead, which never stood
    alone; the copy is still made of earlier blocks and sentences, so it goes and the paragraphs stay
    (it used to be taken for a fuller version of the title and replace it)."""
    title = TITLE
    raw = f"{title}\n{LEAD}\n{P2}\n{P3}\n{title} {LEAD} {P2} {P3}"
    r = run(raw)
    assert r.text == f"{title}\n\n{LEAD}\n\n{P2}\n\n{P3}"
    # the repeated title glued to the copy, then the copy
    assert [x.rule for x in r.removals] == ["dedup.exact", "dedup.contained"]
    assert "".join(x.text for x in r.removals) == f"{title} {LEAD} {P2} {P3}"
    # cut off in its middle, as scraped copies often are
    r = run(f"{title}\n{LEAD}\n{P2}\n{P3}\n{title} {LEAD} {P2} Ethereum also felt the eff")
    assert r.text == f"{title}\n\n{LEAD}\n\n{P2}\n\n{P3}"


def test_title_repeated_and_glued_to_the_lead_keeps_one_title_and_the_text():
    """C5: the page's title, then the body starting with the same title glued to the lead."""
    title = "Bitcoin slides below $67,000 as miners sell"
    r = run(f"{title}\n{title} {LEAD}\n{P2}")
    assert r.text == f"{title}\n\n{LEAD}\n\n{P2}"
    assert r.removals[0].text == f"{title} " and r.removals[0].rule == "dedup.exact"


def test_paragraph_that_starts_with_a_headings_words_stays():
    heading = "Bitcoin price today in dollars"
    raw = f"{heading}\n{heading} is a question many readers ask us, and the answer changes every minute."
    assert run(raw).text == raw.replace("\n", "\n\n")


def test_copy_with_paragraphs_run_together_in_pairs_goes():
    title = TITLE
    raw = f"{title}\n{LEAD}\n{P2}\n{P3}\n{title} {LEAD}\n{P2} {P3}"
    r = run(raw)
    assert r.text == f"{title}\n\n{LEAD}\n\n{P2}\n\n{P3}"
    assert {x.rule for x in r.removals} <= {"dedup.exact", "dedup.contained"}
    assert any(x.rule == "dedup.contained" and x.text == f"{P2} {P3}" for x in r.removals)


def test_copy_with_a_new_title_glued_before_it_goes_and_the_title_stays():
    """The second copy brings a title the first lacks, glued to its lead: the copy goes from where it
    starts, the title (which stands nowhere else) stays; the one-sentence paragraphs of the first copy
    are not taken for pull quotes of the flattened copy."""
    title = TITLE
    raw = f"{LEAD}\n{P2}\n{P3}\n{title} {LEAD} {P2} {P3}"
    r = run(raw)
    assert r.text == f"{LEAD}\n\n{P2}\n\n{P3}\n\n{title}"
    assert [x.rule for x in r.removals] == ["dedup.contained"]
    assert r.removals[0].text == f"{LEAD} {P2} {P3}"


def test_short_lines_of_a_repeated_article_go_with_the_copy():
    """Short lines ("Photo:", "US FALLS") are not duplicates on their own, but inside a whole second
    copy of the article they are: the run of blocks around them repeats."""
    raw = f"{LEAD}\nPhoto:\n{P2}\nUS FALLS\n{P3}\n___\nAll...\n" * 2
    r = run(raw.strip())
    assert r.text == f"{LEAD}\n\nPhoto:\n\n{P2}\n\nUS FALLS\n\n{P3}\n\n___\n\nAll..."
    short = [x.text for x in r.removals if x.reason.startswith("a short line")]
    assert short == ["Photo:", "US FALLS", "___", "All..."]


def test_short_lines_that_repeat_on_their_own_stay():
    raw = f"Q: Will prices rise?\nYes.\n{LEAD}\nQ: And next year?\nYes.\n{P2}"
    assert run(raw).text == raw.replace("\n", "\n\n")


def test_cut_off_copy_of_a_fuller_version_goes_at_once():
    """A teaser, its fuller version, then a cut-off copy of the fuller version: the copy goes in the
    same run (it used to survive until the text was cleaned a second time)."""
    fuller = f"{LEAD} Analysts expect more volatility this week."
    r = run(f"{LEAD}\nShare\n{fuller}\n{fuller[:60]}")
    assert r.text == f"{fuller}\n\nShare"
    assert run(r.text).text == r.text


def test_feed_teaser_glued_to_its_full_paragraph_keeps_the_full_paragraph():
    """A feed's teaser cut with "…", glued to the paragraph it was cut from: the teaser goes, not the
    end of the paragraph (a cut-off teaser is near its fuller text too, but a teaser first)."""
    full = f"{LEAD} Analysts expect more volatility this week."
    teaser = full[:120].rsplit(" ", 1)[0] + "…"
    r = run(f"{teaser} {full}\n{P2}")
    assert r.text == f"{full}\n\n{P2}"
    assert r.removals[0].reason == "a teaser glued to its fuller version"


def test_short_description_glued_to_the_lead_it_repeats_goes():
    """C4: a meta description shorter than 40 characters glued to the identical lead."""
    lead = "Gaming used to be so simple. We'd buy a game, sit down in front of a console and play it."
    r = run(f"Gaming used to be so simple. {lead}\n{P2}")
    assert r.text == f"{lead}\n\n{P2}"
    # a phrase said twice for effect is text
    raw = f"Time and again, time and again the team came back from behind to win the cup.\n{P2}"
    assert run(raw).text == raw.replace("\n", "\n\n")


def test_title_glued_to_new_text_is_still_a_fuller_version_not_a_copy():
    title = TITLE
    raw = f"{title}\n{P2}\n{title} as miners sell their reserves, a report from the exchange showed on Monday."
    r = run(raw)
    assert "as miners sell their reserves" in r.text and r.text.count("Bitcoin slides") == 1


def test_paragraphs_repeated_after_a_flattened_copy_keep_the_first_copy():
    raw = f"{LEAD} {P2} {P3}\n{LEAD}\n{P2}"
    r = run(raw)
    assert r.text == f"{LEAD} {P2} {P3}"
    # the second LEAD is a cut-off copy of the first line (policy C3); P2 is one of its sentences
    assert [x.rule for x in r.removals] == ["dedup.truncated-copy", "dedup.sentence"]


def test_summary_bullet_that_repeats_a_body_sentence_goes_but_the_paragraph_stays():
    bullet = "Ethereum also felt the effects of the sell-off, losing 10.84% in the last 24 hours."
    raw = f"What to know:\n{bullet}\n{P2} {P3} Traders expect more volatility this week."
    r = run(raw)
    assert r.text == f"What to know:\n\n{P2} {P3} Traders expect more volatility this week."
    assert r.removals[0].rule == "dedup.sentence"


def test_paragraph_sharing_only_some_sentences_with_earlier_text_stays():
    raw = f"{P2} {P3}\n{P3} A new sentence that was never written before in this article."
    assert run(raw).text == raw.replace("\n", "\n\n")


CASES = Path(__file__).parent / "data" / "cases"


@pytest.mark.parametrize("name", ["001", "007", "016", "018", "019", "023"])
def test_real_article_then_its_flattened_copy_keeps_the_paragraphs(name: str) -> None:
    """Real labelled articles: the paragraphs, then the whole article again on one line (the title
    glued to the byline, dates, list items and lead, none with a full stop): the copy goes. When the
    first copy has the title, all of the line goes; when only the copy has it, the title stays."""
    paras = (CASES / f"{name}.clean.txt").read_text(encoding="utf-8").strip().split("\n\n")
    flat = " ".join(paras)
    assert clean("\n".join(paras) + "\n" + flat).text == "\n\n".join(paras)
    assert clean("\n".join(paras[1:]) + "\n" + flat).text == "\n\n".join([*paras[1:], paras[0]])
    # cut off in the middle, as scraped copies often are
    assert clean("\n".join(paras) + "\n" + flat[: len(flat) // 2]).text == "\n\n".join(paras)


@pytest.mark.parametrize("name", ["007", "016", "018"])
def test_flattened_copy_with_a_small_difference_goes(name: str) -> None:
    """The copy differs from the first copy in one word, so it is not made of earlier pieces exactly;
    nearly all of it is, and it is long: it goes, the paragraphs stay."""
    paras = (CASES / f"{name}.clean.txt").read_text(encoding="utf-8").strip().split("\n\n")
    longest = max(range(len(paras)), key=lambda k: len(paras[k]))
    text = paras[longest]
    middle = text.find(" ", len(text) // 2)
    edited = [*paras[:longest], text[:middle] + " very" + text[middle:], *paras[longest + 1 :]]
    assert clean("\n".join(paras) + "\n" + " ".join(edited)).text == "\n\n".join(paras)


def test_scene_breaks_and_separators_stay_every_time():
    """A line of punctuation alone ("* * *", "***", "-") has an empty comparison form, so the letter of POLICY
    C2 makes every later one a copy of the first; the product keeps them all: they are the article's
    structure (a story's scene breaks, the separators between poems on butov.az or between a how-to's
    steps), and removing all but the first leaves an output that is neither the page nor a clean text
    (stop 15's review, /work/review15 fp-42…45). A policy question for the labels, recorded in
    benchmarks/RESULTS.md "Issue 10 — stop 15"."""
    raw = "The first scene ends here at night.\n* * *\nThe second scene opens at dawn.\n* * *\nThe end."
    assert run(raw).text == raw.replace("\n", "\n\n")
    assert not run(raw).removals


def test_list_item_that_ends_its_own_sentence_is_not_a_cut_off_copy():
    """fresh f32-19 (https://2kolesa-parts.com.ua/oplata-ta-dostavka.html, a shop's delivery page): two carriers'
    lists start with the same item, the second ending at its own full stop where the first goes on; both stay. A
    copy cut off mid-sentence still goes."""
    first = "- БЕЗКОШТОВНА доставка при замовленні від 2500 грн (у відділення або поштомат)."
    second = "- БЕЗКОШТОВНА доставка при замовленні від 2500 грн."
    raw = f"Нова пошта\n{first}\n- Накладений платіж — за тарифами Нової пошти.\nУкрпошта\n{second}"
    assert run(raw).removals == ()
    r = run(f"{LEAD}\n{P2}\n{LEAD[:80]}")
    assert [x.rule for x in r.removals] == ["dedup.truncated-copy"]
    # a cut at a sentence end the earlier block also has is a cut-off copy
    r = run(f"{LEAD}\n{P2}\n{LEAD.split('. ')[0]}.")
    assert [x.rule for x in r.removals] == ["dedup.truncated-copy"]


def test_block_joining_a_heading_and_an_earlier_title_keeps_both():
    """fresh f32-23 (https://psicolog.org/red-asistencial-arequipa.html, a health network's call for bids): the foot
    signs with a heading and the page's title joined by " - "; the pieces stand in the reverse of the page's order,
    so it is no flattened copy, and it is no fuller version of the heading either: every line stays. Pieces in the
    page's order still make a flattened copy."""
    title = "Red asistencial arequipa"
    heading = "Gerencia Central de la Persona Adulto Mayor y Persona con Discapacidad"
    raw = f"{title}\n{LEAD}\n{heading}\n{P2}\n{heading} - Red Asistencial Arequipa"
    r = run(raw)
    assert r.removals == () and r.text == raw.replace("\n", "\n\n")
    r = run(f"{heading}\n{title}\n{P2}\n{heading} - {title}")
    assert [x.rule for x in r.removals] == ["dedup.contained"]


def test_a_flattened_copy_is_found_whatever_order_the_pages_repeated_lines_take_in_it():
    """The page-order check of a run of earlier pieces holds for short joins only (f32-23's signature). A flattened
    copy of the article may hold a line the article prints twice at its second place, after duplicate removal
    took that copy away (AEB 0dd135704572's quoted tweet), or a filler line the page repeats between paragraphs
    (AEB 8cad00dc22de's zero-width spaces): it is still one copy, under a title only it has, or cut off. The
    shapes are benchmarks/eval_scrape_shapes.py's (benchmarks/ is on the path: tests/casedata.py)."""
    quote = "— The Senate (@Senate) October 9, 2018"
    tail = "The motion was adopted after a short debate in the chamber on Tuesday, the clerk said."
    paras = [LEAD, quote, P2, P3, quote, tail]
    raw, _ = shapes(TITLE, paras)["title + flat"]
    alone = run("\n".join(paras)).text  # what the cleaner makes of the article alone: the quote's copy goes
    assert run(raw).text == f"{alone}\n\n{TITLE}" and quote not in alone.split(quote, 1)[1]
    filler = "\u200b"
    paras = [LEAD, filler, P2, filler, P3, filler, tail]
    raw, _ = shapes(TITLE, paras)["flat, cut"]
    assert run(raw).text == run("\n".join(paras)).text


def test_a_pull_quote_that_closes_its_sentence_is_still_a_teaser_of_its_paragraph():
    """A pull quote ends its sentence where the paragraph goes on ("… as a whole." before "“… as a whole,” says …",
    an AEB body of the text benchmark): the paragraph takes its place, as for any teaser."""
    pull = "Since 2008, there has not been a single year of revenue gain in the newspaper industry as a whole."
    para = (
        "“Since 2008, there has not been a single year of revenue gain in the newspaper industry as a whole,” says an "
        "analyst. That has produced a strategy of continuous cost-cutting for more than a decade in local news."
    )
    r = run(f"{pull}\n{P2}\n{para}")
    assert [x.rule for x in r.removals] == ["dedup.teaser"]
    assert r.text == f"{para}\n\n{P2}"
