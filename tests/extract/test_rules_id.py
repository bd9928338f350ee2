"""Indonesian rules: tables of real sentences and what extraction must find in them (or must not)."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.extract import extract

# (text, [(quote text, kind, speaker, cue), ...]) in text order; [] means nothing is a quote.
QUOTE_CASES = [
    pytest.param(
        "\u201dUntuk memberikan keadilan dan kepastian hukum, perlu mengatur kembali tarif pajak,\u201d tulis Menteri "
        "Keuangan Sri Mulyani Indrawati dalam Keputusan Menteri Keuangan Nomor 540 Tahun 2020.",
        [
            (
                "Untuk memberikan keadilan dan kepastian hukum, perlu mengatur kembali tarif pajak",
                "direct",
                "Sri Mulyani Indrawati",
                "tulis",
            )
        ],
        id="written-statement-cue-tulis",
    ),
    pytest.param(
        "”Program ini akan diluncurkan pada triwulan IV-2020,” kata Parwati.",
        [("Program ini akan diluncurkan pada triwulan IV-2020", "direct", "Parwati", "kata")],
        id="cue-after-curly-marks-both-ends",
    ),
    pytest.param(
        "Presiden Direktur Bank OCBC NISP Parwati Surjaudaja hadir di Jakarta.\n"
        '"Kami ingin membangun optimisme di tengah pandemi," ujarnya.',
        [("Kami ingin membangun optimisme di tengah pandemi", "direct", "Parwati Surjaudaja", "ujarnya")],
        id="nya-cue-resolves-to-person-named-before",
    ),
    pytest.param(
        "Kepala Dinas Kesehatan Sleman Joko Hastaryo meninjau lokasi di Kabupaten Sleman.\n"
        "”Stok vaksin cukup untuk dua minggu,” kata Joko.",
        [("Stok vaksin cukup untuk dua minggu", "direct", "Joko Hastaryo", "kata")],
        id="short-name-expands-to-full-name",
    ),
    pytest.param(
        '"Kami siap," kata Budi Santoso. "Semua logistik sudah kami siapkan sejak pekan lalu."',
        [
            ("Kami siap", "direct", "Budi Santoso", "kata"),
            ("Semua logistik sudah kami siapkan sejak pekan lalu.", "direct", "Budi Santoso", None),
        ],
        id="quote-interrupted-by-its-cue-is-two-quotes",
    ),
    pytest.param(
        'Wali Kota Surabaya Tri Rismaharini berkeliling kota. Ia mengatakan, "Tolong pakai maskernya, nanti sakit."',
        [("Tolong pakai maskernya, nanti sakit.", "direct", "Tri Rismaharini", "mengatakan")],
        id="cue-before-with-pronoun",
    ),
    pytest.param(
        "Ketua KPU Hasyim Asyari mengatakan, tahapan pemilu berjalan sesuai jadwal.",
        [("tahapan pemilu berjalan sesuai jadwal", "indirect", "Hasyim Asyari", "mengatakan")],
        id="reported-speech-with-role",
    ),
    pytest.param(
        "Menurut Sri Mulyani, pertumbuhan ekonomi akan tetap kuat tahun ini.",
        [("pertumbuhan ekonomi akan tetap kuat tahun ini", "indirect", "Sri Mulyani", "Menurut")],
        id="menurut-frame",
    ),
    pytest.param(
        "Budi Santoso menyebut bahwa harga beras akan turun bulan depan.",
        [("harga beras akan turun bulan depan", "indirect", "Budi Santoso", "menyebut")],
        id="reported-speech-with-bahwa",
    ),
    pytest.param(
        'Pemerintah meluncurkan program "Makan Bergizi Gratis" pekan lalu di Jakarta.',
        [],
        id="programme-title-in-marks-is-not-a-quote",
    ),
    pytest.param('Film "Laskar Pelangi" kembali diputar di bioskop.', [], id="film-title-is-not-a-quote"),
    pytest.param(
        "Hal itu mengemuka dalam webinar dengan topik \u201dStrategi dan Peluang dalam Pemulihan Ekonomi Regional "
        "Kalimantan Selatan\u201d, Rabu (11/11/2020).",
        [],
        id="webinar-topic-in-marks-is-not-a-quote",
    ),
    pytest.param(
        "Windhu Purnomo adalah epidemiolog Universitas Airlangga.\n"
        "Peningkatan kasus dipengaruhi karena kebijakan yang longgar dan adanya relaksasi demi ekonomi,\u201d "
        "ujar Windhu.\nUntuk itu, razia protokol kesehatan tetap diperlukan.",
        [],
        id="closing-mark-without-its-opening-mark-opens-nothing",
    ),
    pytest.param(
        "Ery Widaryana mengatakan, pendaftaran dilakukan secara daring. \u201dSemua peserta wajib hadir tepat waktu "
        "di lokasi ujian.\u201d",
        [
            ("pendaftaran dilakukan secara daring", "indirect", "Ery Widaryana", "mengatakan"),
            ("Semua peserta wajib hadir tepat waktu di lokasi ujian.", "direct", "Ery Widaryana", None),
        ],
        id="quote-without-cue-after-a-title-noun-ending-a-sentence",
    ),
    pytest.param(
        "Pendaftaran peserta dilakukan secara daring. \u201dBagi yang berlibur di luar kota harus tes cepat dan "
        "isolasi mandiri,\u201d kata Vinda.",
        [("Bagi yang berlibur di luar kota harus tes cepat dan isolasi mandiri", "direct", "Vinda", "kata")],
        id="title-noun-ending-the-sentence-before-introduces-nothing",
    ),
    pytest.param(
        "Hal itu terungkap dalam diskusi daring \u201cIndonesia Darurat HAM: Menguak Insiden Tembak Mati oleh Aparat "
        "Polisi di Solok\u201d yang diadakan pusat kajian itu.",
        [],
        id="online-discussion-title-is-not-a-quote",
    ),
    pytest.param(
        "Ibarat peribahasa \u201dSekali mendayung, dua tiga pulau terlampaui\u201d, mengayuh sepeda kian digemari.",
        [],
        id="proverb-in-marks-is-not-a-quote",
    ),
    pytest.param('Warga menyebut kawasan itu sebagai "zona merah" sejak Maret.', [], id="scare-quote-is-not-a-quote"),
    pytest.param("Budi berharap pemerintah segera memperbaiki jalan itu.", [], id="belief-verb-is-not-speech"),
    pytest.param(
        "Sarwono (68), warga Dukuh Canguk, tetap bekerja di ladang.\n”Kalau tidak bekerja, kami tidak makan,” katanya.",
        [],
        id="private-individual-given-an-age-is-not-a-public-statement",
    ),
    pytest.param(
        '"Harga cabai naik dua kali lipat sejak pekan lalu," kata Candrakumara, warga Karah.',
        [],
        id="speaker-described-as-resident-is-not-a-public-statement",
    ),
    pytest.param(
        "”Sepi banget, Bang. Pas dua hari Lebaran kemarin saja ramainya,” kata sopir yang mengaku belum dapat setoran.",
        [],
        id="unnamed-driver-is-not-a-public-statement",
    ),
    pytest.param(
        "”Biasanya tiap hari Minggu tidak ada petugas yang berjaga,” ujar Mato, salah satu sopir angkutan.",
        [],
        id="apposition-after-the-name-says-private-individual",
    ),
    pytest.param(
        'Baca Juga: "Kami pasti menang," kata Budi Santoso\nHarga cabai naik lagi.',
        [],
        id="quote-inside-boilerplate-line-is-dropped",
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_CASES)
def test_quotes(text, expected):
    article = extract(text, lang="id")
    got = [(q.text, q.kind, q.speaker, q.cue) for q in article.quotes]
    assert got == expected
    for q in article.quotes:
        assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            '"Belum ada sikap resmi," ucap Ketua Penjaringan DPD Nasdem Bontang Muhammad Sahib.',
            "Muhammad Sahib",
            "Ketua Penjaringan DPD Nasdem Bontang",
        ),
        (
            '"Kami sedang menyelidiki kasus ini," kata Kapolres Bogor AKBP Iman Imanuddin.',
            "Iman Imanuddin",
            "Kapolres Bogor AKBP",
        ),
        ('"Saya minta semua bersabar," kata Pak Joko Santoso.', "Joko Santoso", None),
        # A place after initials (`DKI Jakarta`) is complete: the two words after it are the name.
        (
            '"Kami siap," kata Kepala Dinas Perhubungan DKI Jakarta Syafrin Liputo.',
            "Syafrin Liputo",
            "Kepala Dinas Perhubungan DKI Jakarta",
        ),
        (
            '"Bus listrik mulai beroperasi," kata Gubernur DKI Jakarta Anies Baswedan.',
            "Anies Baswedan",
            "Gubernur DKI Jakarta",
        ),
    ],
)
def test_speaker_role_and_honorific(text, speaker, role):
    (quote,) = extract(text, lang="id").quotes
    assert (quote.speaker, quote.speaker_role) == (speaker, role)


def test_alias_given_with_sapaan_akrab_resolves_to_full_name():
    text = (
        "Politisi Partai Golkar Bakhtiar Wakkang hadir di Bontang.\n"
        'BW--sapaan akrabnya--tidak hadir kemarin.\n"Saya kecewa dengan pengurus partai," ucap BW.'
    )
    (quote,) = extract(text, lang="id").quotes
    assert (quote.speaker, quote.speaker_mention) == ("Bakhtiar Wakkang", "BW")


@pytest.mark.parametrize(
    ("text", "target", "status"),
    [
        (
            "Kompas berusaha mengonfirmasi Kepala Dinas PU Andi Wijaya. Namun hingga berita ini diturunkan belum merespons.",
            "Andi Wijaya",
            "no_response",
        ),
        (
            "Direktur Utama PT Pertamina Nicke Widyawati enggan berkomentar soal kasus itu.",
            "Nicke Widyawati",
            "declined",
        ),
        (
            "Menteri Perindustrian Agus Gumiwang Kartasasmita menolak berkomentar.",
            "Agus Gumiwang Kartasasmita",
            "declined",
        ),
        ("Kompas mencoba menghubungi Bupati Sleman Kustini, tetapi tidak dapat dihubungi.", "Kustini", "unreachable"),
    ],
)
def test_follow_ups(text, target, status):
    (follow_up,) = extract(text, lang="id").follow_ups
    assert (follow_up.target, follow_up.status) == (target, status)


@pytest.mark.parametrize(
    ("text", "target", "status"),
    [
        (
            "Wali Kota Malang Sutiaji saat dikonfirmasi membenarkan kejadian itu.",
            "Sutiaji",
            "responded",
        ),
        (
            "Marullah Matali, Wali Kota Jakarta Selatan, yang dihubungi, juga membenarkan penonaktifan lurah itu.",
            "Marullah Matali",
            "responded",
        ),
    ],
)
def test_passive_follow_ups_take_the_person_before(text, target, status):
    (follow_up,) = extract(text, lang="id").follow_ups
    assert (follow_up.target, follow_up.status) == (target, status)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Dihubungi terpisah, Ketua Tanfidziyah PBNU Bidang Hukum Robikin Emhas membenarkan kabar itu.",
            "Robikin Emhas",
        ),
        (
            "Saat dikonfirmasi, Aziz Yanuar, kuasa hukum FPI, membenarkan pemanggilan itu.",
            "Aziz Yanuar",
        ),
    ],
)
def test_passive_follow_up_opening_the_sentence_names_no_reporter(text, target):
    # The word opening the sentence (`Dihubungi`, `Saat`) is not who reached the person.
    (follow_up,) = extract(text, lang="id").follow_ups
    assert (follow_up.target, follow_up.by, follow_up.status) == (target, None, "responded")


def test_waiting_for_an_answer_is_not_a_follow_up():
    text = "Ia masih belum mendapatkan jawaban apakah peraturan wali kota bisa memberi sanksi denda."
    assert extract(text, lang="id").follow_ups == ()


def test_people_lists_everyone_named_with_roles_and_aliases():
    text = (
        "Ketua KPU Hasyim Asyari bertemu Bupati Sleman Kustini di Kabupaten Sleman.\n"
        '"Tahapan berjalan sesuai jadwal," kata Hasyim. "Saya berterima kasih kepada Bu Kustini."'
    )
    people = {p.name: p for p in extract(text, lang="id").people}
    assert set(people) == {"Hasyim Asyari", "Kustini"}
    assert people["Hasyim Asyari"].roles == ("Ketua KPU",)
    assert people["Kustini"].aliases == ("Bu Kustini",)


def test_no_follow_up_in_an_ordinary_sentence():
    assert extract("Harga cabai di Pasar Beringharjo naik dua kali lipat.", lang="id").follow_ups == ()


@pytest.mark.parametrize(
    ("text", "publisher", "published"),
    [
        ("SuaraKaltim.id - Harga naik, Selasa (20/08/2024).", "SuaraKaltim.id", date(2024, 8, 20)),
        ("JAKARTA, KOMPAS.com - Banjir melanda pada 3 Januari 2021.", "KOMPAS.com", date(2021, 1, 3)),
        ("Banjir melanda Jakarta kemarin.", None, None),
    ],
)
def test_dateline_and_date(text, publisher, published):
    article = extract(text, lang="id")
    assert (article.publisher, article.published) == (publisher, published)


def test_input_record_metadata_wins_over_text():
    article = extract("SuaraKaltim.id - Harga naik, Selasa (20/08/2024).", publisher="Kompas", published="2024-09-01")
    assert (article.publisher, article.published) == ("Kompas", date(2024, 9, 1))


def test_original_source():
    text = '"Kami siap," ucap Budi, disadur dari KlikKaltim.com--Jaringan Suara.com, Selasa (20/08/2024).'
    assert extract(text, lang="id").original_source == "KlikKaltim.com"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Presiden mengatakan bahwa pemerintah akan membangun jalan di daerah itu.", "id"),
        ("The president said that the government would build a road in the area.", "en"),
    ],
)
def test_language_detection(text, lang):
    assert extract(text).lang == lang


def test_first_name_alone_is_the_official_named_in_full_after_a_place():
    text = (
        "Kepala Dinas Perhubungan DKI Jakarta Syafrin Liputo mengatakan, ada lonjakan pemudik tahun ini.\n"
        '"Kami siap," kata Syafrin.'
    )
    article = extract(text, lang="id")
    assert [p.name for p in article.people] == ["Syafrin Liputo"]
    assert [q.speaker for q in article.quotes] == ["Syafrin Liputo", "Syafrin Liputo"]


@pytest.mark.parametrize(
    ("cue", "speaker", "role"),
    [
        (
            "kata Sekretaris Kementerian Koperasi dan UKM Rully Indrawan saat konferensi pers.",
            "Rully Indrawan",
            "Sekretaris Kementerian Koperasi dan UKM",
        ),
        ("ujar Kepala Humas Daop 1 Eva Chairunisa dalam keterangan tertulis.", "Eva Chairunisa", "Kepala Humas Daop 1"),
        (
            "kata anggota Komisi Pemilihan Umum Provinsi Sulawesi Utara, Salman Saelangi, ketika dihubungi.",
            "Salman Saelangi",
            "anggota Komisi Pemilihan Umum Provinsi Sulawesi Utara",
        ),
        ("kata CEO Kitabisa Alfatih Timur dalam keterangan tertulis.", "Alfatih Timur", "CEO Kitabisa"),
        (
            "kata Camat Neglasari, Kabupaten Tangerang, Ubaidillah Ansar, Sabtu (18/5/2020).",
            "Ubaidillah Ansar",
            "Camat Neglasari, Kabupaten Tangerang",
        ),
        (
            "kata Kepala Puskesmas Cilincing, Jakarta Utara, Edison Sahputra ketika dihubungi pada Rabu (27/1/2021).",
            "Edison Sahputra",
            "Kepala Puskesmas Cilincing, Jakarta Utara",
        ),
        ("kata Menteri Dalam Negeri Tito Karnavian di Jakarta.", "Tito Karnavian", "Menteri Dalam Negeri"),
        ("kata Wakil Gubernur DKI Jakarta Ahmad Riza Patria.", "Ahmad Riza Patria", "Wakil Gubernur DKI Jakarta"),
        ("kata Kepala Pusdalops BNPB Bambang Surya Putra.", "Bambang Surya Putra", "Kepala Pusdalops BNPB"),
        (
            "kata Direktur Utama Garuda Indonesia Irfan Setiaputra.",
            "Irfan Setiaputra",
            "Direktur Utama Garuda Indonesia",
        ),
        ("kata Ketua Satgas Covid-19 Doni Monardo.", "Doni Monardo", "Ketua Satgas Covid-19"),
        (
            "kata Juru Bicara Gugus Tugas Percepatan Penanganan Covid-19 Kendari dr Algazali.",
            "Algazali",
            "Juru Bicara Gugus Tugas Percepatan Penanganan Covid-19 Kendari",
        ),
        (
            "kata peneliti senior Centropolis, Suryono Herlambang, di Jakarta, Senin (28/12/2020).",
            "Suryono Herlambang",
            "peneliti senior Centropolis",
        ),
    ],
)
def test_speaker_after_a_role_with_conjunctions_numbers_and_a_place(cue, speaker, role):
    # The name comes after a role joined by `dan`, with a number, or after a place or an organisation set off by
    # commas (one capitalised word after the role is no name when a full name follows).
    article = extract("\u201dSemua penumpang wajib memakai masker selama perjalanan,\u201d " + cue, lang="id")
    assert [(q.speaker, q.speaker_role) for q in article.quotes] == [(speaker, role)]


def test_bare_title_is_its_exact_holder_not_a_deputy_named_since():
    article = extract(
        "Presiden Joko Widodo meninjau lokasi banjir bersama Wakil Presiden Ma\u2019ruf Amin.\n"
        "\u201dSaya turun ke bawah, kemarin. Kebutuhan itu sudah ditunggu masyarakat,\u201d kata Presiden.",
        lang="id",
    )
    assert [q.speaker for q in article.quotes] == ["Joko Widodo"]


@pytest.mark.parametrize(
    "cue",
    [
        "kata Presiden dalam acara peresmian BIY.",
        "ujar Presiden yang melakukan kunjungan kerja ke Bandung untuk menyaksikan uji klinis vaksin Covid-19.",
        "ujar Presiden, yang datang bersama Menteri Sosial Juliari P Batubara.",
        "kata Presiden saat meninjau Bandara Internasional Yogyakarta.",
    ],
)
def test_bare_title_before_a_setting_or_a_relative_clause_is_its_holder(cue):
    # The words after the title say where or what he did; a name among them is not the speaker's.
    article = extract(
        "Presiden Joko Widodo meresmikan Bandara Internasional Yogyakarta (BIY).\n"
        "\u201dPesawat besar bisa turun di sini karena landasannya panjang,\u201d " + cue,
        lang="id",
    )
    assert [(q.speaker, q.speaker_mention) for q in article.quotes] == [("Joko Widodo", "Presiden")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Menteri Sekretariat Negara Pratikno mengatakan, rapat digelar besok.", "Pratikno"),
        (
            "Menteri Koordinator Bidang Pembangunan Manusia dan Kebudayaan Muhadjir Effendy mengatakan, bantuan sudah "
            "disalurkan.",
            "Muhadjir Effendy",
        ),
        (
            "Kepala Dinas Tenaga Kerja, Transmigrasi, dan Energi DKI Jakarta Andri Yansyah mengatakan, aturan itu "
            "berlaku.",
            "Andri Yansyah",
        ),
    ],
)
def test_words_of_an_institution_are_no_name(text, speaker):
    # `Negara`, `Manusia`, `Kerja`... end the name of a ministry or agency; they never name a person.
    article = extract(text, lang="id")
    assert [q.speaker for q in article.quotes] == [speaker]
    assert {"Negara", "Manusia", "Kerja"}.isdisjoint(w for p in article.people for w in p.name.split())


def test_words_of_an_institution_or_acronyms_of_places_are_no_people():
    article = extract(
        "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu DKI Jakarta Benni Agus Candra mengatakan, izin "
        "usaha dipermudah. Ketua Perhimpunan Hotel dan Restoran Indonesia Sutrisno Iwantono juga hadir. Warga DKI "
        "menyambut baik Peraturan Wali Kota Balikpapan No 12 Tahun 2020.",
        lang="id",
    )
    names = {p.name for p in article.people}
    assert {"Modal", "Hotel", "DKI", "Pelayanan Terpadu Satu", "No"}.isdisjoint(names)


def test_word_before_a_speech_verb_that_is_part_of_a_phrase_is_no_person():
    # `jawab` is a speech verb, but `Tanggung jawab` is "responsibility".
    article = extract("Tanggung jawab ini, antara lain, mitigasi bencana di tiap daerah.", lang="id")
    assert [p.name for p in article.people] == []


def test_second_role_after_dan_is_no_name_sharing_the_first_role():
    article = extract(
        "Menteri Sosial Tri Rismaharini bersama Direktur Jenderal Rehabilitasi Sosial Harry Hikmat dan Dirjen "
        "Pemberdayaan Sosial Edi Suharto mengunjungi beberapa kantor.",
        lang="id",
    )
    assert "Dirjen Pemberdayaan Sosial" not in {p.name for p in article.people}


def test_place_named_after_a_role_is_no_person():
    article = extract(
        "Sebanyak 6.153 tenaga kesehatan di Kabupaten Banyuwangi telah terdaftar. Semula, Dinas Kesehatan Banyuwangi "
        "mengatakan jumlahnya 6.400 orang.",
        lang="id",
    )
    assert [p.name for p in article.people] == []


def test_surname_after_middle_initials_is_no_place():
    # `PS Brodjonegoro` reads like an acronym before a place; after a name word the initials are the person's.
    article = extract(
        "\u201dMudah-mudahan mendapatkan sertifikasi akhir tahun ini,\u201d ujar Kepala Badan Riset dan Inovasi "
        "Nasional Bambang PS Brodjonegoro saat menghadiri uji terbang itu.",
        lang="id",
    )
    assert [q.speaker for q in article.quotes] == ["Brodjonegoro"]


def test_two_initials_after_a_name_word_belong_to_the_name():
    text = 'Menko Polhukam Mahfud MD mengatakan, pemerintah tidak akan mundur.\n"Kami siap," kata Mahfud.'
    article = extract(text, lang="id")
    assert [p.name for p in article.people] == ["Mahfud MD"]
    assert [q.speaker for q in article.quotes] == ["Mahfud MD", "Mahfud MD"]
    # Initials after a verb stay an alias of someone named in full (`ucap BW`).
    seed_like = (
        "Politisi Nasdem Bakhtiar Wakkang kecewa.\n\nBW--sapaan akrabnya--menganggap pengurus tidak membantu.\n\n"
        '"Saya kecewa dengan pengurus," ucap BW.'
    )
    assert {q.speaker for q in extract(seed_like, lang="id").quotes} == {"Bakhtiar Wakkang"}


def test_long_event_title_before_a_speech_verb_is_not_a_quote():
    text = (
        "Koordinator Nasional JPPR Alwan Ola Riantoby, dalam diskusi secara virtual bertajuk \u201dPilkada Sehat dan "
        "Covid-19: SIAPA PEDULI?\u201d, Selasa (8/9/2020), mengatakan, ancaman sanksi itu belum cukup."
    )
    assert not [q for q in extract(text, lang="id").quotes if "Pilkada Sehat" in q.text]
