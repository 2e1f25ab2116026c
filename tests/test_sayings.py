"""Sayings of Hồ Chí Minh: which quotations are his, their work and sectors, and merging."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kb.analysis.normalize import clean_text
from kb.errors import ConfigError
from kb.understand.sayings import (
    extract_sayings,
    load_sectors,
    match_sectors,
    merge_sayings,
    saying_key,
)

from conftest import saying_texts as texts


def test_seed_article(seed_article):
    sayings = extract_sayings(clean_text(seed_article.read_text(encoding="utf-8")))
    found = [s["text"] for s in sayings]
    assert found == [
        "Cán bộ tư pháp phải phụng công thủ pháp",
        "Cán bộ tư pháp phải công bằng, liêm khiết, trong sạch, gần dân, hiểu dân, giúp dân và học dân",
    ]
    assert all("tư pháp" in s["sectors"] for s in sayings)
    assert "chuẩn mực đạo đức Bác Hồ" in sayings[0]["context"]


@pytest.mark.parametrize(
    "text",
    [
        "Bác Hồ dạy: “Việc gì có lợi cho dân, ta phải hết sức làm”.",
        "Chủ tịch Hồ Chí Minh đã từng căn dặn cán bộ: «Cán bộ là cái gốc của mọi công việc».",
        'Như Người đã nói, "dân vận kém thì việc gì cũng kém" và ai cũng nhớ.',
        "Thấm nhuần lời dạy của Bác “Lương y phải như từ mẫu”, các y bác sĩ tận tụy.",
        "“Một dân tộc dốt là một dân tộc yếu” (Hồ Chí Minh toàn tập, tập 4, tr. 40).",
        "“Học để làm việc, làm người, làm cán bộ.” (Lời ghi vào sổ vàng, tháng 9/1949)",
        "“Không có gì quý hơn độc lập, tự do”, Người khẳng định như vậy.",
    ],
)
def test_attributed_quotes_are_sayings(text):
    assert len(texts(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Việc “học tập” và “làm theo” chuyển từ phong trào chiều rộng đi vào chiều sâu.",
        "Phong trào “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” lan tỏa.",
        "Đồng chí Bí thư nói: “Chúng ta phải hoàn thành kế hoạch năm nay”.",
        "Bác Hồ là tấm gương sáng. Tổng Bí thư nhấn mạnh: “Phải kiên quyết chống tham nhũng, tiêu cực”.",
        "Người dân nói: “Từ ngày có đường mới, đi lại dễ hơn nhiều”.",
        "xây dựng “đề án liên thông thủ tục công chứng đăng ký quyền sử dụng đất”.",
    ],
)
def test_other_quotes_are_not(text):
    assert texts(text) == []


def test_nested_quote_stays_inside_the_saying():
    text = ("Bác viết: “Các bạn cần phải nêu cao cái gương “Phụng công, thủ pháp, chí công vô tư” "
            "cho nhân dân noi theo.” (Thư gửi Hội nghị Tư pháp toàn quốc, tháng 2/1948)")
    [saying] = extract_sayings(text)
    assert saying["text"].endswith("cho nhân dân noi theo.")
    assert saying["work"] == "Thư gửi Hội nghị Tư pháp toàn quốc, tháng 2/1948"
    assert "tư pháp" in saying["sectors"]


def test_work_named_before_the_quote():
    [saying] = extract_sayings("Trong Di chúc, Bác viết: “Đảng ta là một Đảng cầm quyền”.")
    assert saying["work"] == "Di chúc"


def test_sectors_are_accent_sensitive():
    assert "y tế" in match_sectors("cán bộ y tế phải thương yêu người bệnh")
    assert "y tế" not in match_sectors("ý tế nhị của câu nói")
    # Tone-mark placement does not matter: "hoà bình" and "hòa bình".
    assert "ngoại giao" in match_sectors("giữ gìn hoà bình")


def test_user_sector_file(tmp_path):
    extra = tmp_path / "sectors.toml"
    extra.write_text('"môi trường" = ["môi trường", "trồng cây"]\n', encoding="utf-8")
    sectors = load_sectors(extra)
    assert "môi trường" in match_sectors("Tết trồng cây", sectors)
    assert "môi trường" not in match_sectors("Tết trồng cây")
    bad = tmp_path / "bad.toml"
    bad.write_text('"môi trường" = "trồng cây"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.toml"):
        load_sectors(bad)


def test_saying_key_ignores_spelling_noise():
    a = "Dĩ bất biến, ứng vạn biến."
    assert saying_key(a) == saying_key("dĩ  bất biến – ứng vạn biến")
    assert saying_key("Giữ gìn hoà bình") == saying_key("giữ gìn hòa bình!")
    assert saying_key("Thủy chung") == saying_key("thuỷ chung")
    assert saying_key(a) != saying_key("Dĩ bất biến, ứng vạn biến đổi")


def test_merge_sayings():
    merged = merge_sayings({
        "a": [{"text": "Lương y phải như từ mẫu", "work": None, "sectors": ["y tế"]}],
        "b": [{"text": "“Lương y phải như từ mẫu.”", "work": "Thư gửi Hội nghị cán bộ y tế, 1955",
               "sectors": ["y tế", "cán bộ đảng viên"]},
              {"text": "Một dân tộc dốt là một dân tộc yếu", "work": None, "sectors": []}],
    })
    assert len(merged) == 2
    luong_y = merged[0]
    assert luong_y["sources"] == ["a", "b"]
    assert luong_y["work"] == "Thư gửi Hội nghị cán bộ y tế, 1955"
    assert luong_y["sectors"] == ["y tế", "cán bộ đảng viên"]


def test_party_doc_on_can_kiem_liem_chinh(shared_data):
    """A real article quoting him at length, including a quote spanning several paragraphs."""
    text = (shared_data / "party-docs/docs/27038661d915cf9a.md").read_text(encoding="utf-8")
    found = [saying_key(s["text"]) for s in extract_sayings(text)]
    assert any(k.startswith("trời có bốn mùa xuân hạ thu đông") for k in found)
    assert any(k.startswith("lười biếng là kẻ địch của chữ cần") for k in found)


def test_quote_lists_match_party_docs(shared_data):
    """Sayings from the published quote lists are recognised when a document quotes them."""
    quotes = [json.loads(line)["vi"] for line in
              (shared_data / "hcm/hcm_quotes_danh-ngon.jsonl").read_text("utf-8").splitlines()]
    quotes += [q["text"] for q in json.loads(
        (shared_data / "hcm/hcm_quotes_HCM202-Assignment.json").read_text("utf-8"))]
    known = {saying_key(q)[:30] for q in quotes if len(saying_key(q)) >= 30}
    found = set()
    for path in sorted((shared_data / "party-docs/docs").glob("*.md")):
        for saying in extract_sayings(path.read_text(encoding="utf-8")):
            found.add(saying_key(saying["text"])[:30])
    assert len(known & found) >= 5


# --- how pages introduce and punctuate his words (our own excerpts in tests/data/sayings) ------

DATA = Path(__file__).parent / "data" / "sayings"


def keys(text: str) -> list[str]:
    return [saying_key(s["text"]) for s in extract_sayings(text)]


def test_essay_quotes_attributed_by_their_footnotes():
    """Given an essay citing his collected works in numbered notes ("[2] Sđd ..."), then each
    quote whose note cites him is his, with the note as its work, and quotes whose note or lead
    names another source (Marx, a Party document) are not."""
    sayings = extract_sayings((DATA / "essay_footnotes.md").read_text("utf-8"))
    assert [saying_key(s["text"])[:25] for s in sayings] == [
        saying_key("thầy giáo phải thật sự yêu nghề")[:25],
        saying_key("Học ở trường, học ở sách vở")[:25],
        saying_key("Dạy cũng như học, phải biết")[:25],
    ]
    assert sayings[0]["work"].startswith("Hồ Chí Minh toàn tập") and "giáo dục" in sayings[0]["sectors"]
    assert sayings[1]["work"].startswith("Sđd")  # the note repeating the work cited above


def test_memoir_dialogue_his_lines_only():
    """Given a memoir, then his questions and replies are his, set off by quotes, a dash line,
    a colon or as a list; the answers to him, a cadre's and a cook's recollections and a
    journalist's question to him are not."""
    found = keys((DATA / "memoir_dialogue.md").read_text("utf-8"))
    assert found == [saying_key(t) for t in (
        "Hôm nay anh em ăn cơm đã đủ chưa?",
        "Thế thì tốt, các chú nhớ giữ gìn sức khỏe mà làm việc",
        "Đường còn xa, các chú phải đi cho đều, đừng ai để tụt lại phía sau.",
        "Chú ghi lại cho Bác mấy ý chính của buổi họp hôm nay.",
        "Đoàn kết phải thật chặt chẽ",
        "Kỷ luật phải thật nghiêm minh",
        "Huấn luyện phải thật chu đáo",
    )]


def test_encyclopedia_page_signed_block_quote_and_titles():
    found = keys((DATA / "encyclopedia.md").read_text("utf-8"))
    assert saying_key("được thấy tận mắt những nước văn minh sống ra sao") in found
    assert saying_key("Tôi muốn ra nước ngoài để xem người ta làm thế nào, rồi trở về giúp đồng bào "
                      "mình") in found  # “ … ” | — Hồ Chí Minh[4]
    # "ông viết" is him when he is the last person named; "ông Trần Văn Lộc ... nói" and another
    # person's judgement of him ("Lê Văn Toàn cho rằng") are not.
    assert saying_key("Đảng phải đoàn kết với công nhân, nông dân và mọi người yêu nước") in found
    assert saying_key("Tôi sẽ trở về khi đồng bào tôi cần đến tôi.") in found  # unquoted, after a colon
    assert len(found) == 4  # not the description of him, nor the book and film titles


@pytest.mark.parametrize("text, expected", [
    # Opened straight, closed curly.
    ('Người khẳng định: "Đó là những lẽ phải không ai chối cãi được”.',
     "Đó là những lẽ phải không ai chối cãi được"),
    ("Bác dạy: «Thi đua là yêu nước, yêu nước thì phải thi đua».",
     "Thi đua là yêu nước, yêu nước thì phải thi đua"),
    # A quote left open, then another one: the first ends where the next one's lead begins.
    ("Rồi Bác căn dặn: “Việc gì khó cũng phải làm đến nơi đến chốn. Rồi Bác hỏi: “Các cháu có làm "
     "được không?”.", ["Việc gì khó cũng phải làm đến nơi đến chốn.", "Các cháu có làm được không?"]),
    # Attribution after the quote.
    ("“Các cháu phải học cho giỏi để mai sau giúp nước” - Bác quay sang nói với các em.",
     "Các cháu phải học cho giỏi để mai sau giúp nước"),
    ("Xây dựng nước ta “đàng hoàng hơn, to đẹp hơn” như mong ước của Bác Hồ kính yêu.",
     "đàng hoàng hơn, to đẹp hơn"),
])
def test_punctuation_and_attribution_forms(text, expected):
    assert keys(text) == [saying_key(e) for e in ([expected] if isinstance(expected, str) else expected)]


@pytest.mark.parametrize("text", [
    "“Bác về thăm làng, ai cũng vui mừng khôn xiết” - ông Nguyễn Văn Hai xúc động kể lại.",
    "Bác hỏi: “Các cháu ăn cơm chưa?”. “Thưa Bác, chúng cháu ăn rồi ạ”.",
    "Bác hỏi: “Các cháu ăn cơm chưa?”. “Chúng cháu ăn rồi, cơm hôm nay rất ngon”.",  # the answer
    "Trong bản lý lịch, Bác Hồ được miêu tả: “Biết các thứ tiếng Pháp, Anh, Nga”.",
    "Biết ý Bác, ông chủ nhà liền nói: “Trên núi có một cái hang rộng, cụ cứ vào đó ở”.",
    "Một bài viết trên nhật báo Người Việt cho rằng việc ấy “đạt hiệu quả hơn cả mục đích tuyên truyền”.",
])
def test_words_of_others_are_not_his(text):
    found = keys(text)
    assert all("thưa bác" not in k and "ông" not in k for k in found)
    assert found in ([], [saying_key("Các cháu ăn cơm chưa?")])


def test_real_essay_with_collected_works_notes(shared_data):
    """A real essay: quotes cited to Hồ Chí Minh toàn tập are his; Marx's formula, quoted in
    the same paragraph, is not; the note lines themselves give no saying."""
    text = (shared_data / "party-docs/docs/676fb727f2fc13fc.md").read_text(encoding="utf-8")
    sayings = extract_sayings(text)
    found = {saying_key(s["text"]) for s in sayings}
    assert saying_key("Hỡi đồng bào bị đọa đày đau khổ! Đây là con đường giải phóng của chúng ta!") in found
    assert saying_key("Dùng binh là việc nhân nghĩa, muốn cứu nước, cứu dân") in found
    assert not any(k.startswith("sự giải phóng của giai cấp công nhân") for k in found)
    assert len(sayings) >= 25 and sum(1 for s in sayings if (s["work"] or "").startswith(
        "Hồ Chí Minh toàn tập")) >= 10


def test_real_memoirs_keep_the_witnesses_words_out(shared_data):
    cook = extract_sayings((shared_data / "party-docs/docs/7aab6e1f4d866bd8.md").read_text("utf-8"))
    assert [s["text"][:24] for s in cook] == ["Tôi sang đây vào dịp này"]
    secretary = keys((shared_data / "party-docs/docs/dde0aaa1efb3aac8.md").read_text("utf-8"))
    for line in ("Kế hoạch phải thật tỉ mỉ", "Hợp đồng phải thật ăn khớp", "Bí mật phải thật tuyệt đối"):
        assert saying_key(line) in secretary  # a directive set off as a list after "của Bác ... là:"


def test_notes_numbered_several_to_a_line():
    """Given an essay whose notes list several numbers on one line ("1, 2. Hồ Chí Minh: Toàn
    tập ...", "(2), (3). Sđd ..."), then the quotes they cite are his, "Sđd" resolved."""
    text = ("Chủ tịch Hồ Chí Minh kêu gọi: \"Không! Chúng ta thà hy sinh tất cả, chứ nhất định không "
            "chịu mất nước\"4. Người còn chỉ rõ: \"Nước Việt Nam là một, dân tộc Việt Nam là một\"2.\n\n"
            "Chú thích:\n\n1, 2. Hồ Chí Minh: Toàn tập, Nxb.Chính trị quốc gia, H.2002, t.4, tr.4, 469.\n\n"
            "3. Sđd, t.10, tr.128.\n\n4. Sđd, t.4, tr.480.\n")
    assert keys(text) == [saying_key("Không! Chúng ta thà hy sinh tất cả, chứ nhất định không chịu mất nước"),
                          saying_key("Nước Việt Nam là một, dân tộc Việt Nam là một")]
    unmarked = ("Hiểu và thực hiện nghiêm nguyên tắc sẽ làm cho Đảng ta thống nhất “Đảng ta tuy nhiều "
                "người, nhưng khi tiến đánh thì chỉ như một người”(1).\n\n(1). Hồ Chí Minh toàn tập, Nxb. "
                "Chính trị Quốc gia, Hà Nội, 2000, tập 5, tr.553.\n")
    assert keys(unmarked) == [saying_key("Đảng ta tuy nhiều người, nhưng khi tiến đánh thì chỉ như một người")]


@pytest.mark.parametrize("text, expected", [
    # A cut quotation opening with an ellipsis.
    ("Người phân tích: “... dân tộc cách mạng thì chưa phân giai cấp, nghĩa là sĩ, nông, công, thương "
     "đều nhất trí chống lại cường quyền”.",
     "... dân tộc cách mạng thì chưa phân giai cấp, nghĩa là sĩ, nông, công, thương đều nhất trí chống lại cường quyền"),
    # The poem itself after "bài thơ:", not its title.
    ("Thăm lại hang Pác Bó, Bác viết bài thơ: “Hai mươi năm trước ở hang này/Đảng vạch con đường "
     "đánh Nhật, Tây/Lãnh đạo toàn dân ra chiến đấu/Non sông gấm vóc có ngày nay”.",
     "Hai mươi năm trước ở hang này/Đảng vạch con đường đánh Nhật, Tây/Lãnh đạo toàn dân ra chiến đấu/"
     "Non sông gấm vóc có ngày nay"),
])
def test_cut_quotes_and_poems_after_their_lead(text, expected):
    assert keys(text) == [saying_key(expected)]


@pytest.mark.parametrize("text", [
    # Journalists' questions he answered.
    "Ngày 12-7-1946, ở Pháp, Hồ Chí Minh trả lời câu hỏi của các nhà báo: “Có phải Chủ tịch cho rằng "
    "nước Việt Nam chưa có thể cộng sản hóa được trước một thời hạn là 50 năm không?”",
    "Một phóng viên nước ngoài hỏi Bác: “Ngài có điều gì muốn nói với nhân dân Pháp không?”",
    # The topic of the writer's sentence, not his words.
    "Quan điểm của Người về “Đảng Cộng sản Việt Nam là đảng của giai cấp công nhân và của dân tộc” "
    "là sự phát triển sáng tạo.",
    # Bác's title, a short one: his poem's name after "bài thơ".
    "Bác Hồ viết bài thơ “Nguyên tiêu” ở Việt Bắc.",
])
def test_questions_to_him_and_topics_are_not_his(text):
    assert keys(text) == []


def test_his_own_questions_stay_his():
    text = "Bác hỏi người dân: “Năm nay bà con có đủ gạo ăn không?”. Rồi Bác đặt câu hỏi: “Các cháu học có chăm không?”"
    assert keys(text) == [saying_key("Năm nay bà con có đủ gạo ăn không?"),
                          saying_key("Các cháu học có chăm không?")]


def test_list_after_his_advice_and_under_a_title_naming_his_teaching():
    """Given lines set off after "ông có năm lời khuyên:" (ông being him) or on a page titled
    "... Bác Hồ dạy", then each line is a saying, short ones too."""
    text = ("Sau Cách mạng Tháng Tám, Hồ Chí Minh đã gửi một bức thư cho thiếu nhi. Trong đó, ông có "
            "năm lời khuyên:\n\n1. Phải siêng học\n\n2. Phải giữ sạch sẽ\n\n3. Phải giữ kỷ luật\n\n"
            "Vào năm 1961, ông viết một lá thư khác.\n")
    assert keys(text) == [saying_key(t) for t in ("Phải siêng học", "Phải giữ sạch sẽ", "Phải giữ kỷ luật")]
    titled = ("Năm điều Bác Hồ dạy thiếu niên\n\nNhững điều này được phổ biến trong trường học.\n\n"
              "Nội dung\n\nPhiên bản hiện hành được dùng từ năm 1965 là:1\n\nYêu Tổ quốc, yêu đồng bào\n\n"
              "Học tập tốt, lao động tốt\n\nĐoàn kết tốt, kỷ luật tốt\n\nLịch sử\n")
    assert keys(titled) == [saying_key(t) for t in ("Yêu Tổ quốc, yêu đồng bào", "Học tập tốt, lao động tốt",
                                                    "Đoàn kết tốt, kỷ luật tốt")]
    other = ("Ông Nguyễn Văn Hai có ba lời khuyên:\n\n1. Phải dậy sớm\n\n2. Phải tập thể dục\n\n"
             "3. Phải ăn uống điều độ\n")
    assert keys(other) == []


@pytest.mark.parametrize("text, expected", [
    # One subject, two verbs: "Người viết: “…” (tr. 287), và chỉ rõ: “…”".
    ("Người viết: “dù màu da có khác nhau, trên đời này chỉ có hai giống người” (tr. 287), và chỉ rõ: "
     "“Xét về nguyên tắc, tiến bộ chung phụ thuộc vào việc phát triển chủ nghĩa quốc tế” (tr. 14).",
     ["dù màu da có khác nhau, trên đời này chỉ có hai giống người",
      "Xét về nguyên tắc, tiến bộ chung phụ thuộc vào việc phát triển chủ nghĩa quốc tế"]),
    # The subject named before an earlier quote of the sentence.
    ("Do đó, Người hướng tới nghiên cứu chủ nghĩa Mác - Lênin, tìm hiểu Cách mạng Tháng Mười Nga và "
     "nhận thấy tính chất “không đến nơi” của các cuộc cách mạng ấy, đồng thời khẳng định: “Muốn cứu "
     "nước và giải phóng dân tộc không có con đường nào khác con đường cách mạng vô sản”.",
     ["Muốn cứu nước và giải phóng dân tộc không có con đường nào khác con đường cách mạng vô sản"]),
    # A quote whose closing mark was left off before its note mark and the next quote.
    ("Và Người còn khẳng định: “Một dân tộc biết Cần, Kiệm, Liêm, Chính, là một dân tộc giàu về vật "
     "chất, mạnh về tinh thần: (7) “Cần, Kiệm, Liêm là gốc rễ của Chính...”. Chủ tịch Hồ Chí Minh còn "
     "giải thích: “Chính nghĩa là không tà, nghĩa là thẳng thắn, đứng đắn”.",
     ["Một dân tộc biết Cần, Kiệm, Liêm, Chính, là một dân tộc giàu về vật chất, mạnh về tinh thần",
      "Cần, Kiệm, Liêm là gốc rễ của Chính...", "Chính nghĩa là không tà, nghĩa là thẳng thắn, đứng đắn"]),
])
def test_runs_of_one_speaker(text, expected):
    assert keys(text) == [saying_key(e) for e in expected]


@pytest.mark.parametrize("text, expected", [
    # His words quoted inside a cited article's title (the title itself is not a saying).
    ('Kim Giang. "Ngày 14-5-1966: Bác Hồ căn dặn: "Đảng mạnh là do chi bộ tốt"". Báo Quân đội nhân dân.',
     ["Đảng mạnh là do chi bộ tốt"]),
    # A closing mark left off before "- Bác quay sang hỏi ...".
    ("“Đây là đội thanh niên xung phong tỉnh nào, chú Kế? - Bác quay sang hỏi đồng chí phụ trách. "
     "“Thưa Bác, chúng cháu là đội Vĩnh Phú ạ”. “Ở đây ai ít tuổi nhất?”. Bác nhìn khắp lượt.",
     ["Đây là đội thanh niên xung phong tỉnh nào, chú Kế?", "Ở đây ai ít tuổi nhất?"]),
    # The attribution after a dash: "- Những câu thơ Bác Hồ tặng thanh niên ...".
    ("“Không có việc gì khó/ Chỉ sợ lòng không bền/ Đào núi và lấp biển/ Quyết chí ắt làm nên” - Những "
     "câu thơ Bác Hồ tặng thanh niên đã trở thành phương châm hành động.",
     ["Không có việc gì khó/ Chỉ sợ lòng không bền/ Đào núi và lấp biển/ Quyết chí ắt làm nên"]),
    # A run of his quotes across a note in parentheses and a stray mark.
    ("Trong Di chúc, Bác viết: “Đảng cần phải có kế hoạch thật tốt để phát triển kinh tế và văn hóa” "
     "(Bác gạch chân dưới các chữ in nghiêng - PV). Và “Ở đây nói về kế hoạch xây dựng lại thành phố "
     "và làng mạc đẹp đẽ”.",
     ["Đảng cần phải có kế hoạch thật tốt để phát triển kinh tế và văn hóa",
      "Ở đây nói về kế hoạch xây dựng lại thành phố và làng mạc đẹp đẽ"]),
    # "của Bác Hồ kính yêu “...”": honorifics after his name.
    ("Đại thắng mùa Xuân năm 1975 thỏa mong ước của Bác Hồ kính yêu “Bắc - Nam sum họp xuân nào vui hơn”.",
     ["Bắc - Nam sum họp xuân nào vui hơn"]),
])
def test_his_words_however_the_page_sets_them(text, expected):
    assert keys(text) == [saying_key(e) for e in expected]


@pytest.mark.parametrize("text", [
    # Words he quotes from others.
    "Bác thường nhắc câu tục ngữ: “Một cây làm chẳng nên non, ba cây chụm lại nên hòn núi cao”.",
    "Bác mượn lời Lênin: “Không có lý luận cách mạng thì không có phong trào cách mạng”.",
    "Tục ngữ có câu “Uống nước nhớ nguồn, ăn quả nhớ kẻ trồng cây”, Bác thường nhắc.",
    # "Người" in a noun phrase, "của Người" in a name, another's clause after "của Bác".
    "Người viết bài này còn nhớ: “Hôm đó trời mưa tầm tã, cả làng đi đón Bác”.",
    "Ông Trùm của Người phán xử bức xúc: “Thật buồn cười, bực mình và phi lý”.",
    "Nhớ lời dặn của Bác, ông Nguyễn Văn Hai nói: “Chúng tôi phải làm cho thật tốt việc này”.",
])
def test_words_he_repeats_and_namesakes_are_not_his(text):
    assert keys(text) == []


def test_a_list_of_his_lines_stops_where_the_story_goes_on():
    text = ("Trước khi chia tay, Bác căn dặn:\n\nCác cháu phải chăm học, chăm làm.\n\nSau đó, đoàn đại "
            "biểu ra về trong niềm xúc động.\n\nHọ kể lại cho cả làng nghe.\n")
    assert keys(text) == [saying_key("Các cháu phải chăm học, chăm làm.")]
    unpunctuated = ("Chỉ thị của Bác cho các chiến trường là:\n\nKế hoạch phải thật tỉ mỉ\n\nHợp đồng phải "
                    "thật ăn khớp\n\nCả hai bác cháu ngồi im lặng bên chiếc đài nhỏ suốt buổi tối hôm ấy.\n")
    assert keys(unpunctuated) == [saying_key("Kế hoạch phải thật tỉ mỉ"), saying_key("Hợp đồng phải thật ăn khớp")]


@pytest.mark.parametrize("text", [
    # Titles of his works owned by him after the quote.
    "Tập thơ “Nhật ký trong tù” của Bác được dịch ra nhiều thứ tiếng.",
    "Đọc “Lời kêu gọi toàn quốc kháng chiến” của Người, ai cũng xúc động.",
    # A new subject takes the sentence over after a comma.
    "Năm 1946, Hồ Chí Minh sang Pháp, báo chí Pháp viết: “Đây là một nhà chính trị rất đáng kính trọng”.",
    "Bác đến thăm, bà con nói: “Chúng cháu mừng lắm, mừng lắm ạ”.",
    # Reference lines naming him before a colon.
    "Tài liệu tham khảo\n\nHồ Chí Minh: Tiểu sử và sự nghiệp\n\nHồ Chí Minh: Toàn tập, tập 5, Nxb Chính trị "
    "quốc gia, Hà Nội, 2011, tr. 120.\n",
])
def test_titles_other_subjects_and_references_are_not_his(text):
    assert keys(text) == []


def test_dialogue_and_interview_turns():
    """Given a dialogue with speaker labels and an interview transcript, then his turns are his
    and the other speakers' and the narrator's are not."""
    dialogue = ("Nội dung câu chuyện được kể lại như sau:\n\n– Nguyễn Tất Thành:\nTôi muốn đi ra ngoài, xem "
                "nước Pháp và các nước khác. Anh muốn đi với tôi không? - – Anh bạn:\nNhưng lấy đâu ra tiền mà "
                "đi?\n")
    assert keys(dialogue) == [saying_key("Tôi muốn đi ra ngoài, xem nước Pháp và các nước khác. Anh muốn đi "
                                         "với tôi không?")]
    interview = ("Phóng viên: Thưa Chủ tịch, xin Chủ tịch cho biết ý kiến về tình hình hiện nay?\n\n"
                 "Hồ Chủ tịch: Tình hình đã khá hơn trước, nhân dân ta đã đoàn kết một lòng.\n")
    assert keys(interview) == [saying_key("Tình hình đã khá hơn trước, nhân dân ta đã đoàn kết một lòng.")]


@pytest.mark.parametrize("text, expected", [
    # Signed under a block quote or in a table's next row.
    ("> “Cán bộ là cái gốc của mọi công việc.”\n>\n> — Hồ Chí Minh\n",
     ["Cán bộ là cái gốc của mọi công việc."]),
    ("| “Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người” |\n|---|\n"
     "| Hồ Chí Minh |\n",
     ["Vì lợi ích mười năm thì phải trồng cây, vì lợi ích trăm năm thì phải trồng người"]),
    # A marked list right under a heading naming his words.
    ("## Câu nói của Bác về thanh niên\n\n- Một năm khởi đầu từ mùa xuân, một đời khởi đầu từ tuổi trẻ.\n"
     "- Tuổi trẻ là mùa xuân của xã hội.\n\nThanh niên hôm nay tiếp bước cha anh.\n",
     ["Một năm khởi đầu từ mùa xuân, một đời khởi đầu từ tuổi trẻ.", "Tuổi trẻ là mùa xuân của xã hội."]),
    # The writer's comment after the lines set off.
    ("Hồ Chủ tịch viết:\n\nMuốn cứu nước và giải phóng dân tộc, không có con đường nào khác con đường cách "
     "mạng vô sản.\n\nĐó là kết luận rút ra từ thực tiễn.\n",
     ["Muốn cứu nước và giải phóng dân tộc, không có con đường nào khác con đường cách mạng vô sản."]),
])
def test_block_layouts(text, expected):
    assert keys(text) == [saying_key(e) for e in expected]


@pytest.mark.parametrize("text", [
    "Khi Bác mất, nhà thơ viết: “Bác đã đi rồi sao Bác ơi, mùa thu đang đẹp nắng xanh trời”.",
    "## Bác Hồ với thanh niên\n\n- Đoàn viên thanh niên xã tổ chức dọn vệ sinh đường làng.\n"
    "- Hội thi kể chuyện về Bác thu hút đông đảo các bạn trẻ.\n",
])
def test_words_to_him_and_lists_about_him_are_not_his(text):
    assert keys(text) == []


def test_his_chinese_verse_is_his_its_translation_is_not():
    text = ("Trong tù, Bác viết: “Ngục trung vô tửu diệc vô hoa, đối thử lương tiêu nại nhược hà” (Dịch thơ: "
            "“Trong tù không rượu cũng không hoa, cảnh đẹp đêm nay khó hững hờ”). Trong chiến dịch Biên giới, "
            "Bác căn dặn: “Phải đánh chắc thắng, không chắc thắng thì không đánh”.")
    assert keys(text) == [saying_key("Ngục trung vô tửu diệc vô hoa, đối thử lương tiêu nại nhược hà"),
                          saying_key("Phải đánh chắc thắng, không chắc thắng thì không đánh")]


@pytest.mark.parametrize("text", [
    "Hồ Chí Minh đã dẫn câu nói nổi tiếng của Khổng Tử: “Kỷ sở bất dục, vật thi ư nhân”.",
    "Người đã vận dụng câu nói của Lênin: “Không có lý luận cách mạng thì không có phong trào cách mạng”.",
    "Người dẫn lời bất hủ trong bản Tuyên ngôn Độc lập năm 1776 của nước Mỹ: “Tất cả mọi người đều sinh "
    "ra có quyền bình đẳng”.",
])
def test_others_words_he_cites_are_not_his(text):
    assert keys(text) == []


def test_verse_he_quotes_inside_his_unclosed_quote_is_not_his():
    text = "Bác viết trong Di chúc: “Tuy vậy, tôi cũng không may như Đỗ Phủ nói “Nhân sinh thất thập cổ lai hy”."
    assert saying_key("Nhân sinh thất thập cổ lai hy") not in keys(text)


def test_a_saying_quoted_twice_is_listed_once():
    text = ("Bác dạy: “Cán bộ là cái gốc của mọi công việc”. Nhiều năm sau, thấm nhuần lời Bác: “Cán bộ là "
            "cái gốc của mọi công việc...”, chi bộ đã chăm lo công tác cán bộ.")
    assert keys(text) == [saying_key("Cán bộ là cái gốc của mọi công việc")]


def test_a_text_he_signed_is_his_own_not_a_page_quoting_him():
    """Given a letter signed by him, then what it quotes is what he cites (no saying is listed);
    given a page ending with one of his sayings signed under it, then the sayings stay."""
    letter = ("Gửi các cháu thiếu nhi,\n\nBác gửi lời thăm các cháu. Như người xưa nói “Học đi đôi với hành, "
              "các cháu phải chăm học”.\n\nHôn các cháu\n\nHồ Chí Minh\n")
    assert keys(letter) == []
    page = ("Bác dạy: “Học đi đôi với hành, các cháu phải chăm học”.\n\n“Cán bộ là cái gốc của mọi công "
            "việc”\n\nHồ Chí Minh\n")
    assert len(keys(page)) == 2


@pytest.mark.parametrize("text", [
    "Chủ tịch Hồ Chí Minh với chân lý “Không có gì quý hơn độc lập, tự do” đã dẫn dắt cả dân tộc.",
    "Thấm nhuần chân lý bất hủ của Bác “Không có gì quý hơn độc lập, tự do”, quân và dân ta đứng lên.",
])
def test_his_truth_named_without_a_verb(text):
    assert keys(text) == [saying_key("Không có gì quý hơn độc lập, tự do")]
