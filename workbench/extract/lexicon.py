"""Word lists the rules read, per language, in one place.

Every list is data: a rule asks ``LEXICON[lang].speech_verbs`` instead of branching on the language.
Entries are lower case unless a list says otherwise; matching code lower-cases the text it compares.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Lexicon:
    # Verbs that introduce speech (`kata`, `said`); the cue of a quote is one of these as written.
    speech_verbs: frozenset[str]
    # Cue words whose speaker is the person the article is talking about (`katanya`, `ujarnya`).
    nya_cues: frozenset[str]
    # Pronouns that stand for the current person (`ia`, `dia`, `he`, `she`).
    pronouns: frozenset[str]
    # The gender a pronoun asks of its antecedent (`she` -> "f"); pronouns without one are left out.
    pronoun_gender: dict[str, str]
    # Whether a pronoun stands for the subject of a recent sentence (`Mr. Obama dismissed the criticism of
    # Mr. Tribe's client. "...," he said` -> Obama) rather than for the person named last (`ujarnya`, `ia`).
    pronoun_follows_subject: bool
    # Honorifics and first names that tell a person's gender, for matching `he`/`she`.
    gender_hints: dict[str, str]
    # Words before a name that are not part of it (`Pak`, `Mr`).
    honorifics: frozenset[str]
    # Office and title words that make a mention a role, and mark a public figure.
    office_words: frozenset[str]
    # Adverbs and auxiliaries that may stand between a subject and its speech verb (`Cruz has long said`).
    between_subject_and_verb: frozenset[str]
    # Articles that may open a speaker mention (`the Tax Foundation said`).
    determiners: frozenset[str]
    # Words for ordinary people whose words PFSA-style desks do not count as statements.
    ordinary_people: frozenset[str]
    # Words that introduce a reported clause after the verb (`bahwa`, `that`).
    complementisers: frozenset[str]
    # Prepositional speech frames `Menurut X,` / `according to X,` (lower case, exact words).
    according_to: tuple[str, ...]
    # Words that never start a person's name even when capitalised (sentence openers, months...).
    not_names: frozenset[str]
    # Words announcing a title in quotation marks (`program "..."`), so the marks are not a quote.
    title_nouns: frozenset[str]
    # Whether marks right after a title noun hold a title however long, even with a speech verb next to them
    # (`diskusi virtual bertajuk "Pilkada Sehat dan Covid-19: SIAPA PEDULI?", Selasa, mengatakan`). English
    # title nouns also stand before real quotes (`what it called "a clear threat ..."`): there only titles of
    # up to four words are.
    long_titles_after_title_nouns: bool
    # Whether an office word is followed by what it heads (`Bupati Sleman`, `Kepala Dinas`) rather than by
    # the holder's name (`Senator Elizabeth Warren`); titles in ``name_titles`` always precede a name.
    office_takes_complement: bool
    name_titles: frozenset[str]
    # Whether quotes count only as statements of public figures (the Indonesian desks' and PFSA-ID's
    # convention): quotes by private individuals (an age in brackets, `warga`, `sopir`...) are left out.
    public_statements_only: bool
    # Whether a reported clause needs a named or pronoun subject (not only a description like `the report`).
    reported_needs_subject: bool
    # Words that head a place name (`Kabupaten Sleman`); the word after one is a place, not a person.
    place_heads: frozenset[str]
    # Words the article uses as place or party names (filled per article from the text; empty here).
    place_words: frozenset[str]
    # Words that continue a place name (`Sulawesi Utara`, `Kalimantan Barat`): after a place they name no one.
    place_qualifiers: frozenset[str]
    # Organisation and place words: a capitalised word among these starts an organisation, not a name.
    org_words: frozenset[str]
    # Verbs that introduce reported speech (`X mengatakan, ...`); the short cue forms (`kata`) stay out.
    reported_verbs: frozenset[str]
    # Whether a cue between commas interrupts its clause (`The economy, he said, is fine`); in Indonesian
    # the same commas set off an opening adverbial (`Sebelumnya, X mengatakan, ...`).
    interrupting_cues: bool
    # Relative pronouns that stand for the name before them (`Lynch, who said ...`).
    relative_pronouns: frozenset[str]
    # Conjunctions that join a second verb to the same subject (`bemoaned ... and said ...`).
    verb_conjunctions: frozenset[str]
    # Words that open a reported clause right after a speech verb (`says there`, `said the`, `bahwa`).
    clause_openers: frozenset[str]
    # Where a reported clause ends inside its sentence (`..., although ...`), matched in lower case.
    clause_breaks: tuple[str, ...]
    # Words right before a reporting verb's form that make it a noun (`personal attacks`, `his remarks`).
    noun_markers: frozenset[str]
    # Words that open the setting of a statement right after its verb (`said at a briefing`, `in an interview`).
    setting_openers: frozenset[str]
    # Words of time and occasion that may follow a verb at a sentence's end (`..., X said last week.`).
    time_words: frozenset[str]
    # Auxiliaries that make a following past participle passive (`were admitted`, `is observed`): no cue.
    passive_auxiliaries: frozenset[str]
    # Words before an infinitive (`to tell the American people`): what is only planned or asked is not reported.
    infinitive_markers: frozenset[str]
    # Question words that open a reported question after its addressee (`told Marlow how surprised he is`).
    question_words: frozenset[str]
    # Openers of an editorial note, the outlet's own voice to its first full stop (`Editor's note: ...`),
    # lower case; nothing reported in it counts.
    note_openers: tuple[str, ...]
    # Function words counted by the language detector.
    function_words: frozenset[str]
    # Month names (lower case) to month numbers, and day names, for dates.
    months: dict[str, int]
    days: frozenset[str]
    # Words after which a name is an object or a setting, not the subject of its sentence (`footage of Trump`).
    prepositions: frozenset[str]
    # Words that start a clause of their own between a quote and a name (`"...," when Clinton blasted him`).
    clause_words: frozenset[str]
    # Small words that may stand inside a capitalised title (`Contract with America`).
    title_joiners: frozenset[str]
    # Common given names (lower case): never a place, even right after an acronym (`BNPB Bambang Surya Putra`).
    given_names: frozenset[str]


_ID_SPEECH_VERBS = frozenset(
    """
    kata ucap ujar tutur tutup ungkap jelas papar sebut tegas imbuh tambah lanjut sambung pungkas terang
    mengatakan menyatakan mengungkapkan menjelaskan menegaskan menyebut menyebutkan menambahkan melanjutkan
    menuturkan memaparkan menerangkan mengakui menilai menganggap menuding mengklaim mengimbau meminta
    menyampaikan membeberkan mengingatkan menanggapi mengucapkan berkata bilang sahut jawab menjawab
    katanya ucapnya ujarnya tuturnya tutupnya ungkapnya jelasnya paparnya sebutnya tegasnya imbuhnya tambahnya
    lanjutnya sambungnya pungkasnya terangnya akunya bebernya kilahnya tandasnya tukasnya celetuknya
    ungkapan prediksi memprediksi memperkirakan mengaku aku tandas tukas kilah beber seru
    tulis tulisnya tanya tanyanya timpal timpalnya kenang kenangnya
    """.split()
)
_ID_NYA = frozenset(
    """
    katanya ucapnya ujarnya tuturnya tutupnya ungkapnya jelasnya paparnya sebutnya tegasnya imbuhnya tambahnya
    lanjutnya sambungnya pungkasnya terangnya akunya bebernya kilahnya tandasnya tukasnya celetuknya sahutnya
    jawabnya serunya pintanya harapnya tulisnya tanyanya timpalnya kenangnya
    """.split()
)
_EN_SPEECH_VERBS = frozenset(
    """
    said says say saying told tells tell added adds explained explains wrote writes write tweeted tweets
    announced announces argued argues claimed claims insisted insists noted notes declared declares replied
    replies warned warns urged urges suggested suggests admitted admits acknowledged acknowledges denied denies
    confirmed confirms asked asks stated continued continues repeated repeats responded responds
    testified testifies reported reports recalled recalls predicted predicts cautioned cautions complained
    complains conceded concedes countered counters remarked remarks told asserted asserts contended contends
    mused observed observes pointed promised promises vowed vows boasted boasts joked jokes shouted yelled
    charged charges stressed stresses emphasized emphasizes maintained maintains quipped
    saying adding arguing claiming noting warning telling insisting explaining pledged pledges urging
    cited cites criticized criticizes attacked attacks blasted questioned mentioned described describes
    suggested reports wrote writes accused accuses blamed blames praised praises announcing
    proposed proposes retweeted yelled yelling declared citing emphasized railed outlined commented
    calling demanding demanded demands calls called pointed acknowledging denying declaring
    likened likens condemned condemns branded labeled labelled
    """.split()
)

# More verbs that report what someone said, for reported clauses only (`is stressing that ...`, `echoed ...`).
_EN_REPORTING_VERBS = frozenset(
    """
    claim argue note explain warn insisting suggest suggesting promising stressing emphasize emphasizing
    emphasise emphasised emphasises propose proposing questioning encourage encourages encouraged encouraging
    defends defending echo echoed echoes echoing indicated indicates mocked mocks mocking accuse accusing mention
    mentions mentioning discussed discusses discussing talked disclosed discloses reveal reveals revealed
    revealing signaled signalled signals describing attacking slammed slams slamming disputes disputed
    confirming rejected rejects rejecting demand announce predicting acknowledge admit deny conceding pledging
    vowing urge criticizing criticise criticised criticises blasts blasting tweeting asserting contending
    boasting complaining lamented laments lamenting reiterated reiterates reiterating threatened threatens
    recounted estimates estimated praising hailed hails blaming condemning denounced denounces denouncing
    decried decries assured reminded touting touts touted proclaimed proclaims proclaiming complain complains
    invoked invokes portrayed portrays compares
    """.split()
)

LEXICON: dict[str, Lexicon] = {
    "id": Lexicon(
        speech_verbs=_ID_SPEECH_VERBS,
        nya_cues=_ID_NYA,
        pronouns=frozenset({"ia", "dia", "dirinya", "beliau"}),
        pronoun_gender={},
        pronoun_follows_subject=False,
        gender_hints={},
        honorifics=frozenset({"pak", "bu", "bapak", "ibu", "mas", "mbak", "bung", "kang", "dr", "drs", "ir", "h"}),
        office_words=frozenset(
            """
            presiden wakil menteri ketua kepala direktur gubernur bupati wali walikota camat lurah sekretaris
            juru bicara jubir kapolri kapolda kapolres kapolsek kasat kabid kasubdit kadis kepala dinas anggota
            dirut komisaris panglima jenderal kolonel kapten mayor brigjen irjen kombes akbp ajun kompol iptu
            aiptu ipda bripka ketum sekjen hakim jaksa rektor dekan guru profesor prof dosen peneliti pengamat
            ekonom analis politisi politikus legislator senator duta dubes asisten deputi staf manajer kepala
            koordinator plt pj penjabat kabag kasi kasubag humas komandan danrem dandim pangdam kajati kajari
            kejari kabareskrim wamen mendagri menkes menkeu mensos menlu menhan dirjen gubernur wagub wabup
            wawali ceo founder pendiri pimpinan pemimpin ketua umum bendahara mantan pakar epidemiolog dokter
            spesialis direktorat kasatreskrim kapuspen kadiv karo calon bakal caleg kandidat utama officer
            executive chief umum humas komjen kabiro kasubbag sekda sekretaris sestama kalak kabid kasat kanit
            kapten laksda
            """.split()
        ),
        between_subject_and_verb=frozenset(
            "juga pun kembali lalu kemudian sempat pernah lagi telah sudah masih langsung sebelumnya".split()
        ),
        determiners=frozenset({"para", "sang"}),
        ordinary_people=frozenset(
            """
            warga penduduk sopir supir pedagang petani nelayan pengemudi buruh korban keluarga ibu-ibu ayah ibunda
            tetangga penumpang pembeli pelanggan pengunjung siswa mahasiswa orangtua pengendara pemilik
            penjual karyawan pekerja saksi pelajar santri peserta penonton pasien kerabat kakak adik paman
            penari penghuni relawan sukarelawan murid honorer pemudik wisatawan perantau ojek
            perempuan pria lelaki laki-laki seorang remaja nenek kakek bocah gadis pemuda ibu-ibu bapak-bapak
            """.split()
        ),
        complementisers=frozenset({"bahwa", "jika", "kalau"}),
        according_to=("menurut",),
        not_names=frozenset(
            """
            saya kami kita anda dia ia mereka ini itu namun tetapi tapi dan atau jika kalau karena sebab maka jadi
            yang di ke dari pada untuk dengan dalam oleh bahkan selain sementara adapun sedangkan setelah sebelum
            saat ketika hal menurut sebelumnya kemudian lalu selanjutnya senin selasa rabu kamis jumat sabtu minggu
            baca juga advertisement foto video sumber kompas jakarta indonesia pemerintah polisi tim para
            mengantisipasi terhambat sejumlah beberapa setiap seluruh semua kini kemarin hari besok pagi
            siang sore malam tahun bulan pekan diberitakan dikutip seperti berdasarkan terkait soal lebih dirinya
            nomor secara ii iii iv memang ada adapun selain sejak hingga sampai sedangkan semula awalnya akhirnya
            januari februari maret april mei juni juli agustus september oktober november desember
            kalsel kalbar kalteng kaltim kaltara sulsel sulbar sulteng sultra sulut sumut sumbar sumsel jatim jabar
            jateng kepri babel malut tangsel jaksel jaktim jakut jakbar jakpus jabodetabek negeri
            negara manusia kerja masyarakat keuangan daerah hukum sipil perdagangan pembangunan nasional
            perlindungan pengolahan pertanian sosial rakyat aparatur administrasi perangkat organisasi latihan
            pencatatan usaha milik aset risiko center produksi kebudayaan keamanan politik perhubungan
            perindustrian pendidikan kesehatan lingkungan kehutanan perikanan kelautan pekerjaan umum perumahan
            energi pariwisata ekonomi dagang hotel modal pelayanan bencana institute satu pengelolaan pembiayaan asia
            dki ri as ugm rt rw tanggung panen bermotor covid-19 corona no
            yogyakarta surabaya bandung medan semarang makassar palembang denpasar balikpapan samarinda pontianak
            banjarmasin manado kupang jayapura ambon mataram padang pekanbaru jambi bengkulu lampung banten aceh
            papua bali riau gorontalo maluku kalimantan sulawesi sumatera jawa
            """.split()
        ),
        title_nouns=frozenset(
            """
            program film buku lagu acara tagar tema bertajuk berjudul judul istilah slogan gerakan kampanye
            julukan disebut sebutan kata disebutnya jargon motto semboyan operasi aplikasi sebagai dinamakan dijuluki
            webinar seminar diskusi daring topik bertema peribahasa pepatah ungkapan konsep virtual kunci kalimat
            bertuliskan tulisan
            """.split()
        ),
        long_titles_after_title_nouns=True,
        office_takes_complement=True,
        name_titles=frozenset(
            """
            presiden wapres prof profesor dr jenderal kolonel mayor kapten brigjen irjen kombes akbp ajun kompol
            iptu aiptu ipda bripka letjen mayjen laksamana marsekal pak bu bapak ibu mas mbak bung kang komjen
            laksda laksma marsda kompol
            """.split()
        ),
        public_statements_only=True,
        reported_needs_subject=True,
        interrupting_cues=False,
        relative_pronouns=frozenset(),
        verb_conjunctions=frozenset({"dan", "serta"}),
        clause_openers=frozenset("bahwa jika kalau pihaknya dirinya ia dia mereka kami saat ini hal para".split()),
        clause_breaks=(", tetapi", ", namun", ", sedangkan", ", meski", ", padahal", "; "),
        noun_markers=frozenset(),
        setting_openers=frozenset(),
        time_words=frozenset("kemarin hari ini pagi siang sore malam pekan minggu bulan tahun lalu".split()),
        passive_auxiliaries=frozenset(),
        infinitive_markers=frozenset(),
        question_words=frozenset("bagaimana mengapa kenapa apakah".split()),
        note_openers=("catatan redaksi:",),
        place_heads=frozenset({"Kabupaten", "Kota", "Provinsi", "Kecamatan", "Kelurahan", "Desa", "Pulau"}),
        place_words=frozenset(),
        place_qualifiers=frozenset(
            {"utara", "selatan", "timur", "barat", "tengah", "tenggara", "daya", "laut", "raya"}
        ),
        reported_verbs=frozenset(w for w in _ID_SPEECH_VERBS if w.startswith("me") or w.startswith("ber"))
        | frozenset({"prediksi", "bilang", "mengaku"}),
        org_words=frozenset(
            """
            bank pasar satgas dinas kementerian kemenkes polda polres polsek polri partai universitas pt tbk gugus
            tugas kabupaten kota provinsi dewan komisi badan lembaga masjid rumah sakit rs rsud pemkot pemprov
            pemkab dpr dprd dpd mpr kpu bawaslu kpk tni bnpb bpbd kejaksaan pengadilan mahkamah institut
            sekolah fakultas yayasan perusahaan koperasi asosiasi ikatan himpunan persatuan forum aliansi
            kecamatan kelurahan desa dusun jalan jl bandara pelabuhan stasiun terminal pulau gunung sungai
            istana gedung kantor balai pusat direktorat biro bagian divisi unit seksi bidang subdit
            covid-19 corona indonesia jakarta
            """.split()
        ),
        function_words=frozenset(
            "yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga sudah oleh karena bahwa ada".split()
        ),
        months={
            "januari": 1,
            "jan": 1,
            "februari": 2,
            "feb": 2,
            "pebruari": 2,
            "maret": 3,
            "mar": 3,
            "april": 4,
            "apr": 4,
            "mei": 5,
            "juni": 6,
            "jun": 6,
            "juli": 7,
            "jul": 7,
            "agustus": 8,
            "agu": 8,
            "agt": 8,
            "september": 9,
            "sep": 9,
            "sept": 9,
            "oktober": 10,
            "okt": 10,
            "november": 11,
            "nov": 11,
            "nopember": 11,
            "desember": 12,
            "des": 12,
        },  # fmt: skip
        days=frozenset({"senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad"}),
        prepositions=frozenset(
            {"dari", "di", "ke", "untuk", "pada", "dengan", "oleh", "kepada", "tentang", "terhadap"}
        ),
        clause_words=frozenset({"saat", "ketika", "dan", "tetapi", "namun", "atau", "yang", "bahwa", "jika", "karena"}),
        title_joiners=frozenset({"dan", "di", "ke", "dari", "yang"}),
        given_names=frozenset(
            """
            abdul achmad agus ahmad ali andi arif bambang budi dedi dewi dwi eddy edy eko fajar hadi hendra heru
            ika indah irwan iwan joko kadek ketut made mohammad muhammad nur nyoman putu rizal rudi slamet sri siti
            sugeng teguh tri wahyu wayan yudi yusuf
            """.split()
        ),
    ),
    "en": Lexicon(
        speech_verbs=_EN_SPEECH_VERBS,
        nya_cues=frozenset(),
        pronouns=frozenset({"he", "she"}),
        pronoun_gender={"he": "m", "she": "f"},
        pronoun_follows_subject=True,
        gender_hints={
            **{w: "m" for w in "mr sir mister".split()},
            **{w: "f" for w in "mrs ms miss madam dame".split()},
            **{
                w: "f"
                for w in """hillary hilary loretta chelsea dianne kirsten elizabeth nancy michelle donna jill sarah susan
                mary patricia jennifer linda barbara karen lisa betty margaret sandra ashley kimberly emily
                carol amanda melissa deborah stephanie rebecca laura helen amy angela anna maria ruth
                katherine christine janet catherine frances ann joyce diane alice julie heather teresa
                doris gloria evelyn jean cheryl mildred katie hope claire tammy
                samantha theresa rachel alicia christina kellyanne huma nikki condoleezza sheila sharon shirley
                judy judith kathleen kathy carolyn martha debra debbie marie denise tina sara megyn kristen
                valerie jane janice jessica erin andrea leslie kate kathryn marsha maxine tulsi elena sonia sonya
                sally marcia wendy tanya diana lynn lynne paula irene norma lori beth ellen eleanor natalie megan
                yvonne gwen jeanne jeanine nina olivia emma sophia hannah brittany danielle monica pamela cynthia
                melanie nicole vanessa veronica adriana gabriela claudia rosa carmen ana lucia kamala stacey
                marion ivanka melania tiffany""".split()
            },
            **{
                w: "m"
                for w in """donald barack bernie mitch marco rudy rudolph vladimir mike michael john james robert william david richard joseph
                thomas charles christopher daniel matthew mark paul steven andrew kenneth joshua kevin brian
                george timothy ronald jason jeffrey ryan jacob gary eric jonathan stephen larry justin
                scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
                tyler aaron jose henry adam douglas nathan peter zachary kyle walter harold jeremy ethan
                carl keith roger gerald christian terry sean arthur austin noah lawrence jesse joe bryan
                billy jordan albert dylan bruce willie gabriel alan juan logan wayne ralph roy eugene
                randy vincent russell louis philip bobby johnny bradley tim ted chris
                harry bill al ben ed edward howard jim jimmy tom rick dick newt reince rand jeb chuck mitt rob bob
                dan steve fred frederick greg craig glenn gordon jeff jon nick nicholas luis carlos jorge pedro
                miguel antonio francisco manuel ricardo alejandro oscar hector enrique rafael eduardo sergio
                ahmed mohammed muhammad hassan omar sergei boris ken ron don marty martin leon lloyd norman
                stanley herbert hank earl cory corey kurt phil tony anthony mario luke matt neil ian evan colin
                stuart bernard barry marvin vernon clarence elijah isaac caleb owen seth trey troy wesley wade
                zach darrell darren derek doug dwight elliott floyd herman joel josh karl lance luther mitchell
                reggie rodney ruben sidney spencer tommy travis vince eric mike reid""".split()
            },
        },
        honorifics=frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "rev"}),
        office_words=frozenset(
            """
            president vice sen senator rep representative gov governor secretary minister spokesman spokeswoman
            spokesperson chairman chairwoman chair director chief officer mayor judge attorney general speaker
            leader adviser advisor aide manager strategist pollster analyst professor economist ambassador
            candidate nominee lawmaker congressman congresswoman commissioner sheriff lt col gen maj capt sgt
            chancellor prime founder ceo executive host anchor correspondent editor del delegate
            """.split()
        ),
        between_subject_and_verb=frozenset(
            """
            also then later again now has had have is are was were been long repeatedly previously recently once often never
            publicly further still already just even originally initially first privately quickly
            """.split()
        ),
        determiners=frozenset({"the", "a", "an"}),
        ordinary_people=frozenset(
            """
            resident residents neighbor neighbour driver shopper customer passenger voter voters student
            worker workers witness victim relative mother father
            """.split()
        ),
        complementisers=frozenset({"that"}),
        according_to=("according to",),
        not_names=frozenset(
            """
            i we you they he she it the a an this that these those but and or if when while as after before
            in on at of for with by from to his her their our my its mr mrs ms dr monday tuesday wednesday
            thursday friday saturday sunday january february march april may june july august september
            october november december there here what who why how then so yet also still however
            meanwhile latest former rival democrat democrats republican republicans gop u.s american
            americans breaking update updates today yesterday tonight asked speaking earlier later now
            sources source officials critics supporters both neither one some many most several
            nonetheless nevertheless instead indeed moreover furthermore thus therefore perhaps maybe
            even although though because since unless until despite whether i've i'm i'd i'll i’ve i’m i’d i’ll
            """.split()
        ),
        title_nouns=frozenset(
            """
            called dubbed titled entitled named slogan book film movie song show program programme campaign
            term phrase word words motto hashtag nicknamed so-called
            """.split()
        ),
        long_titles_after_title_nouns=False,
        office_takes_complement=False,
        name_titles=frozenset(),
        public_statements_only=False,
        reported_needs_subject=False,
        interrupting_cues=True,
        relative_pronouns=frozenset({"who"}),
        verb_conjunctions=frozenset({"and", "but"}),
        clause_openers=frozenset("that he she they it there the we i his her their this these a an its".split()),
        clause_breaks=(
            ", although",
            ", though",
            ", but ",
            ", while",
            ", even though",
            ", whereas",
            "; ",
            " -- ",
            " \u2015 ",
        ),
        noun_markers=frozenset(
            """
            the a an his her their its our my your these those such latest recent personal previous earlier
            """.split()
        ),
        setting_openers=frozenset("at in during from before after via when while since amid as into upon like".split()),
        time_words=frozenset(
            "on last this week month year night morning afternoon evening today yesterday tonight".split()
        ),
        passive_auxiliaries=frozenset("is are was were be been being".split()),
        infinitive_markers=frozenset({"to"}),
        question_words=frozenset("how why whether what".split()),
        note_openers=("editor's note:", "editor\u2019s note:"),
        place_heads=frozenset({"County", "City"}),
        place_words=frozenset(),
        place_qualifiers=frozenset(),
        reported_verbs=_EN_SPEECH_VERBS | _EN_REPORTING_VERBS,
        org_words=frozenset(
            """
            house senate congress committee department party campaign university college institute
            foundation association council court agency bureau office news times post journal street
            company corp inc group center centre school county city state states republican democratic
            """.split()
        ),
        function_words=frozenset("the and of to a in that is was for on with he she it as said by his her".split()),
        months={
            "january": 1,
            "jan": 1,
            "february": 2,
            "feb": 2,
            "march": 3,
            "mar": 3,
            "april": 4,
            "apr": 4,
            "may": 5,
            "june": 6,
            "jun": 6,
            "july": 7,
            "jul": 7,
            "august": 8,
            "aug": 8,
            "september": 9,
            "sep": 9,
            "sept": 9,
            "october": 10,
            "oct": 10,
            "november": 11,
            "nov": 11,
            "december": 12,
            "dec": 12,
        },  # fmt: skip
        days=frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}),
        prepositions=frozenset({"of", "for", "to", "with", "by", "from", "about", "against", "at", "in", "on", "than"}),
        clause_words=frozenset(
            {"when", "while", "and", "but", "or", "as", "what", "who", "which", "that", "if", "because"}
        ),
        title_joiners=frozenset({"with", "of", "the", "a", "an", "and", "for", "in", "on", "to"}),
        given_names=frozenset(),
    ),
}

LANGUAGES: tuple[str, ...] = tuple(LEXICON)

# Lines that are not the article: `Baca Juga:`, ads, share prompts, photo credits. Case-insensitive,
# matched at the start of a stripped line.
BOILERPLATE_LINE_PATTERNS: tuple[str, ...] = (
    r"baca\s+juga\b",
    r"lihat\s+juga\b",
    r"simak\s+juga\b",
    r"baca\s+selengkapnya\b",
    r"advertisement\s*$",
    r"iklan\s*$",
    r"scroll\s+to\s+continue",
    r"gulir\s+untuk\s+melanjutkan",
    r"(?:share|bagikan)\s*(?:this|artikel|ini|:|$)",
    r"(?:also\s+read|read\s+more|related)\s*:",
    r"(?:foto|photo|image|gambar)\s*:",
    r"\((?:foto|photo)\s*:",
    r"(?:dapatkan|ikuti)\s+(?:update|berita|informasi)\b.*\b(?:whatsapp|telegram|google\s+news|channel)",
    r"download\s+aplikasi\b",
    r"follow\s+us\b",
)

# Outlets a text says it was taken from: `disadur dari X`, `seperti dikutip dari X`, `via X`.
ORIGINAL_SOURCE_CUES: tuple[str, ...] = (
    r"disadur\s+dari",
    r"dikutip\s+dari",
    r"seperti\s+dikutip\s+dari",
    r"dilansir\s+dari",
    r"melansir",
    r"sumber\s*:",
    r"via",
)

# Abbreviations, as written, whose full stop ends no sentence (`Mr.`, `Sen.`, `Inc.`); the sentence finders
# of every stage read this one list.
TITLE_ABBREVIATIONS: tuple[str, ...] = (
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Del", "Gov", "Rev", "Maj", "Capt", "Sgt", "Gen", "Lt", "Col",
    "Jr", "Sr", "St", "Prof", "No", "Inc", "Corp", "Co",
)  # fmt: skip
# Follow-up phrases: (status, regex over the lower-cased sentence). First match wins, so specific ones first.
FOLLOW_UP_OUTCOMES: tuple[tuple[str, str], ...] = (
    (
        "declined",
        r"enggan\s+(?:berkomentar|menanggapi|memberikan\s+komentar)|menolak\s+(?:berkomentar|memberikan\s+(?:komentar|keterangan)|menanggapi)|declined\s+to\s+comment|refused\s+to\s+comment|would\s+not\s+comment",
    ),  # noqa: E501
    (
        "unreachable",
        r"tidak\s+dapat\s+dihubungi|tak\s+dapat\s+dihubungi|tidak\s+bisa\s+dihubungi|sulit\s+dihubungi|could\s+not\s+be\s+reached|couldn't\s+be\s+reached|was\s+unavailable\s+for\s+comment|ponselnya\s+tidak\s+aktif",
    ),  # noqa: E501
    (
        "no_response",
        r"belum\s+(?:mendapat(?:kan)?\s+)?(?:respon|respons|tanggapan|jawaban|balasan)|belum\s+(?:merespons|merespon|menanggapi|menjawab|membalas)|tidak\s+(?:merespons|merespon|menjawab|membalas)|did\s+not\s+(?:immediately\s+)?respond|didn't\s+(?:immediately\s+)?respond|did\s+not\s+return|has\s+not\s+responded|no\s+response",
    ),  # noqa: E501
    (
        "responded",
        r"membenarkan|mengonfirmasi\s+hal|saat\s+dikonfirmasi|ketika\s+dikonfirmasi|saat\s+dihubungi|confirmed\s+to|told\s+.*\s+in\s+response",
    ),  # noqa: E501
)
# Words that say a reporter tried to reach someone, with that person after them (`berusaha mengonfirmasi X`).
FOLLOW_UP_ATTEMPTS: tuple[str, ...] = (
    r"(?:berusaha|mencoba|coba)\s+(?:mengk?onfirmasi|menghubungi)",
    r"upaya\s+konfirmasi\s+(?:kepada|ke)",
    r"(?:tried|attempted|sought)\s+to\s+(?:reach|contact)",
)
# The same said in the passive, with the person before them (`X, saat dihubungi, membenarkan`).
FOLLOW_UP_PASSIVE_ATTEMPTS: tuple[str, ...] = (
    r"(?:saat|ketika|yang)?\s*(?:dikonfirmasi|dihubungi)",
    r"(?:request|requests)\s+for\s+comment",
    r"reached\s+for\s+comment",
    r"asked\s+for\s+comment",
)
