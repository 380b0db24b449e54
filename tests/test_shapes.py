"""Shape matchers (issue #10): structure, position and neighbours, on real multilingual dev cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from casedata import DATA

from cleaner import clean, load_rules
from cleaner.rules import RuleLoadError
from cleaner.rules.shapes import match_shape

SHARED = DATA.parent.parent.parent.parent / "shared" / "data" / "cases"


def _structure_removals(text: str, url: str | None = None):
    return [r for r in clean(text, url=url).removals if r.rule.startswith("structure.")]


def test_menu_share_bar_ja_is_removed_with_its_evidence():
    # case 111 (mainichi.jp): a share bar of eight short items opens the page
    raw = "- ツイート\n- みんなのツイートを見る\n- シェア\n- ブックマーク\n- 保存\n- メール\n- リンク\n- 印刷\n"
    raw += "ビットコインなど代表的な暗号資産(仮想通貨)の下落傾向が強まっている。"
    result = clean(raw)
    assert result.text == "ビットコインなど代表的な暗号資産(仮想通貨)の下落傾向が強まっている。"
    menu = [r for r in result.removals if r.rule == "structure.menu"]
    # "- シェア" may go by the generic share rule first, "- メール" and "- 印刷" (the last blocks before the
    # sentence) by the ui-controls family's e-mail and print words (generic.ui.edge-tail)
    assert len(menu) >= 5
    assert {r.rule for r in result.removals} <= {"structure.menu", "generic.share.labels", "generic.ui.edge-tail"}
    assert "a run of 8 short items (8 bulleted)" in menu[0].reason
    assert menu[0].score >= 80


def test_ticker_widget_vi_and_weather_widget_tr():
    # case 103 (outsidetheblock.com) and fresh f1-16 (delicay.net): widgets at the head
    vi = "Bitcoin (BTC)\n$ 26,612.13 1.38%\nEthereum (ETH)\n$ 1,590.77 1.75%\nBNB (BNB)\n$ 211.96 1.13%\n"
    vi += "Bitcoin là một loại tiền tệ kỹ thuật số được phát hành dưới dạng phần mềm mã nguồn mở."
    assert clean(vi).text.startswith("Bitcoin là một")
    tr = "İstanbul\nAz Bulutlu\n24°C\nCuma Parçalı Bulutlu\n25°C\nPazar Az Bulutlu\n25°C\n"
    tr += "Bitcoin gibi kripto para birimleri, merkezi olmayan bir bilgisayar ağı tarafından yönetilir."
    assert clean(tr).text.startswith("Bitcoin gibi")


def test_a_table_of_figures_inside_an_article_stays():
    table = "Prices rose in most cities last year, the report said.\n"
    table += "\n".join(
        f"{c} ${p} {g}% -0.2%"
        for c, p, g in [("Denver", 147, 8.5), ("Boston", 216, 0.5), ("Chicago", 114, 3.1), ("Austin", 105, 4.8)]
    )
    table += "\nThe national median rose 6.8% over the year, the fastest pace since 2006."
    assert not _structure_removals(table)


def test_breadcrumb_repeating_the_title():
    hit = match_shape("breadcrumb", ["Đầu Tư » Coins & Tokens » DeFi 101", "DeFi 101", "Body."], 0)
    assert hit is not None and hit[0] == 100.0 and "its last one the title" in hit[1]
    assert match_shape("breadcrumb", ["Date:November 2, 2012 | Category:Tips | Author:Jane Doe"], 0) is None


def test_contact_lines_ko():
    # fresh f1-10 (dailytv.net, a YTN clip) and case 124 (ironfxkorea.com)
    raw = "비트코인 가격이 급락했습니다.\n▶ 제보 안내 : http://goo.gl/gEvsAL, 모바일앱, social@ytn.co.kr, #2424\n"
    raw += "[email protected]"
    assert clean(raw).text == "비트코인 가격이 급락했습니다."
    assert not _structure_removals("저자: DEFI EDUCATION / 출처: https://defieducation.substack.com/p/how-liquidity")


def test_crosslink_list_needs_prose_after_it_and_headline_lines():
    id_ = "Sehingga membedakannya dari mata uang fiat.\nLihat pula:\nCara Beli TRX | Cara Beli SOL |\n"
    id_ += "Cara Beli BTC | Cara Beli USDT |\nCryptocurrency pertama yang diciptakan adalah Bitcoin pada tahun 2009."
    removals = _structure_removals(id_)
    assert len(removals) == 3 and removals[0].rule == "structure.crosslink-list"
    assert "over 2 headline line(s)" in removals[0].reason
    recipe = "Mix well.\nFor the Icing:\n1 1/2 cups confectioners sugar\n3 tablespoons heavy cream\nWhisk until smooth."
    assert not _structure_removals(recipe)


def test_campaign_banner_at_the_head_only():
    banner = "📢 Creator Contest Is Now Live!\nJoin and win a prize\n🎨 Event Period\nAug 18 – Aug 22\n"
    banner += "📌 How to Participate\nPost original content on Gate Square\nIs it really reliable to track whales?\n"
    banner += "This article explores the effectiveness of Whale Alert as a trading signal."
    out = clean(banner).text
    assert out.startswith("Is it really reliable")
    body = "Bitcoin rose today, traders said.\n" + banner
    assert "📢" in clean(body).text  # not at the head: not a pinned banner


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared dev cases not present")
def test_shapes_remove_no_label_text_on_the_dev_cases():
    import yaml

    for raw_path in sorted(SHARED.glob("*.txt")):
        if raw_path.name.endswith(".clean.txt"):
            continue
        name = raw_path.name[:-4]
        label = " ".join((SHARED / f"{name}.clean.txt").read_text(encoding="utf-8").split())
        record = yaml.safe_load((SHARED / f"{name}.yaml").read_text(encoding="utf-8"))
        for r in _structure_removals(raw_path.read_text(encoding="utf-8"), record.get("url")):
            assert " ".join(r.text.split()) not in label, (name, r.rule, r.text)


def test_unknown_shape_is_reported_at_its_line(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\nrules:\n  - id: p.x\n    description: d\n    match:\n      shape: menus\n"
        "    tests:\n      - input: a\n        output: b\n      - input: c\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleLoadError) as exc:
        load_rules([pack], defaults=False)
    assert "p.yaml:6:14" in str(exc.value) and "did you mean 'menu'" in str(exc.value)


def test_shape_rules_can_be_turned_off_from_the_command_line(tmp_path):
    from typer.testing import CliRunner

    from cleaner.cli import app

    page = tmp_path / "ja.txt"
    body = "ビットコインなど代表的な暗号資産(仮想通貨)の下落傾向が強まっている。"
    page.write_text(
        "- ツイート\n- みんなのツイートを見る\n- ブックマーク\n- 保存\n- メール\n- リンク\n" + body, encoding="utf-8"
    )
    runner = CliRunner()
    on = runner.invoke(app, ["clean", str(page)], catch_exceptions=False)
    assert on.exit_code == 0 and on.output.strip() == body
    explained = runner.invoke(app, ["explain", str(page)], catch_exceptions=False)
    assert "structure.menu" in explained.output and "a run of 6 short items" in explained.output
    off = runner.invoke(app, ["clean", str(page), "--ignore", "structure.menu"], catch_exceptions=False)
    assert off.exit_code == 0 and "- ツイート" in off.output
    pack_off = runner.invoke(app, ["clean", str(page), "--ignore", "structure.*"], catch_exceptions=False)
    assert "- ツイート" in pack_off.output
    bad = runner.invoke(app, ["clean", str(page), "--ignore", "structure.menus"])
    assert bad.exit_code == 2


def test_a_table_written_with_pipes_is_not_a_menu():
    """f4-22 (a German Bitcoin guide): a history table written as text, '|' between cells. Its header
    and its dated rows are the article's; a lone line of words between pipes is still a menu."""
    raw = (Path(__file__).parent / "data" / "fresh" / "round4" / "f4-22.txt").read_text(encoding="utf-8")
    rows = [line for line in raw.split("\n") if line.count("|") >= 5]
    assert len(rows) >= 4 and rows[0].startswith("Datum | Höchststand")
    result = clean(raw)
    assert all(row.strip() in result.text for row in rows)
    assert not [r for r in result.removals if r.rule == "structure.menu"]
    page = ["Bitcoin rose on Monday, traders said, after the ETF news.", "Home | Markets | News | Learn"]
    menu = match_shape("menu", page, 1)
    assert menu is not None and "4 short items joined by '|'" in menu[1]
