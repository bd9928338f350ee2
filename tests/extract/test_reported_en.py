"""English reported speech: a table of real sentences (PolNeAR news style) and the quotes extraction must find.

Each row lists every quote of its text, in text order, as (quote text, kind, speaker, cue); [] means none.
"""

from __future__ import annotations

import pytest

from workbench.extract import extract

CASES = [
    pytest.param(
        "Warren said the bank's practices lead Sens. Jon Tester and David Vitter to invoke the prospect of breaking up "
        "the bank.",
        [
            (
                "the bank's practices lead Sens. Jon Tester and David Vitter to invoke the prospect of breaking up the "
                "bank",
                "indirect",
                "Warren",
                "said",
            )
        ],
        id="title-abbreviation-does-not-end-the-reported-clause",
    ),
    pytest.param(
        'South Korea accused the North\'s leader of "fanatic recklessness." South Korean President Park Geun-hye '
        'said Kim\'s mental state is "spiraling out of control."',
        [
            ("the North's leader of \"fanatic recklessness", "indirect", "South Korea", "accused"),
            ("fanatic recklessness.", "direct", "South Korea", "accused"),
            ("Kim's mental state is \"spiraling out of control", "indirect", "Park Geun-hye", "said"),
            ("spiraling out of control.", "direct", "Park Geun-hye", "said"),
        ],
        id="sentence-after-a-closing-mark-is-not-inside-the-quote",
    ),
    pytest.param(
        "For this second bankruptcy filing, Patriot chose to file in Richmond, Va., where restructuring experts say "
        "some judges are eager to move large bankruptcy cases through quickly.",
        [("some judges are eager to move large bankruptcy cases through quickly", "indirect", None, "say")],
        id="long-sentence-before-an-unnamed-subject",
    ),
    pytest.param(
        "Sen. Bernie Sanders is railing against the tax code. Citing a New York Times article founded upon one piece "
        "of the nominee's 1995 state tax return, Sanders on Tuesday said he wants to attack four provisions in the "
        "tax code.",
        [("he wants to attack four provisions in the tax code", "indirect", "Bernie Sanders", "said")],
        id="subject-the-verb-does-not-touch-is-the-person-of-the-sentence",
    ),
    pytest.param(
        "Merrill says Machado promised to continue supporting Clinton and said she would stand up to the attacks.",
        [
            ("Machado promised to continue supporting Clinton", "indirect", "Merrill", "says"),
            ("she would stand up to the attacks", "indirect", "Merrill", "said"),
        ],
        id="joined-speech-verb-ends-the-clause-and-keeps-the-subject",
    ),
    pytest.param(
        "Trump, speaking to a veterans group in Virginia, said he would order a thorough review of the nation's "
        "computer defenses and warned against potential hackers from China, Russia and North Korea.",
        [
            ("he would order a thorough review of the nation's computer defenses", "indirect", "Trump", "said"),
            ("against potential hackers from China, Russia and North Korea", "indirect", "Trump", "warned"),
        ],
        id="and-warned-after-a-that-less-clause",
    ),
    pytest.param(
        "When veterans ask for help, too many of their calls are not getting through to VA's suicide hotline.",
        [],
        id="plural-noun-after-a-possessive-is-no-cue",
    ),
    pytest.param(
        "But it's unlikely his latest remarks will do anything to put to rest his birther past.", [], id="remarks-noun"
    ),
    pytest.param(
        "Donald Trump said taxes are too high. He's claiming that voting fraud is a big problem in this country.",
        [
            ("taxes are too high", "indirect", "Donald Trump", "said"),
            ("voting fraud is a big problem in this country", "indirect", "Donald Trump", "claiming"),
        ],
        id="pronoun-with-contracted-auxiliary-is-the-subject",
    ),
    pytest.param(
        "Shifting monsoon patterns in South Asia could affect a billion people who depend on low-lying agriculture, "
        "Mr. Obama said in his interview.",
        [
            (
                "Shifting monsoon patterns in South Asia could affect a billion people who depend on low-lying agriculture",
                "indirect",
                "Obama",
                "said",
            )
        ],
        id="setting-after-a-trailing-cue",
    ),
    pytest.param(
        "Republican presidential nominee Donald Trump said at an event in Colorado Springs that a bomb had gone off.",
        [("a bomb had gone off", "indirect", "Donald Trump", "said")],
        id="long-setting-then-that",
    ),
    pytest.param(
        "White House press secretary Josh Earnest said at a briefing Monday before Bill Clinton's comments.",
        [],
        id="setting-and-no-clause",
    ),
    pytest.param(
        'Donna Rawlings, of Ashton, said the event brought back memories of "all the people who did things to get us '
        'here."\n\nShe said she had toured the museum last week during a special program.',
        [
            (
                'the event brought back memories of "all the people who did things to get us here',
                "indirect",
                "Donna Rawlings",
                "said",
            ),
            ("all the people who did things to get us here.", "direct", "Donna Rawlings", "said"),
            ("she had toured the museum last week during a special program", "indirect", "Donna Rawlings", "said"),
        ],
        id="closing-mark-of-the-paragraph-before-is-not-a-direct-cue",
    ),
    pytest.param(
        'Republican nominee Donald Trump said at an event that "a bomb" had gone off in New York.',
        [
            ('"a bomb" had gone off in New York', "indirect", "Donald Trump", "said"),
            ("a bomb", "direct", "Donald Trump", "said"),
        ],
        id="that-then-quoted-words-is-a-mixed-quote",
    ),
    pytest.param(
        'The GOP candidate did not supply a cost estimate, though he said "budget reforms" and the collection of '
        "unpaid taxes would help finance them.",
        [
            ('"budget reforms" and the collection of unpaid taxes would help finance them', "indirect", None, "said"),
            ("budget reforms", "direct", None, "said"),
        ],
        id="clause-opening-with-quoted-words-is-a-mixed-quote",
    ),
    pytest.param(
        'Trump said "we will win this state."',
        [("we will win this state.", "direct", "Trump", "said")],
        id="quotation-to-the-sentence-end-is-direct-only",
    ),
    pytest.param(
        "Hillary Clinton is stressing that her plans will solve the kind of kitchen-sink problems facing families.",
        [
            (
                "her plans will solve the kind of kitchen-sink problems facing families",
                "indirect",
                "Hillary Clinton",
                "stressing",
            )
        ],
        id="progressive-reporting-verb-after-is",
    ),
    pytest.param(
        "Mrs. Clinton has embraced Mr. Obama's go-it-alone approach, promising to meet and in some cases exceed his "
        "goals without trying to pass cap-and-trade legislation.",
        [
            (
                "to meet and in some cases exceed his goals without trying to pass cap-and-trade legislation",
                "indirect",
                "Clinton",
                "promising",
            )
        ],
        id="participle-speaker-is-the-name-the-sentence-opens-with",
    ),
    pytest.param(
        "Sen. David Perdue (R-Ga.) said he didn't believe those characterizations did Romney in in 2012, arguing that "
        "it was divisions in the Republican Party that were a bigger hurdle.",
        [
            ("he didn't believe those characterizations did Romney in in 2012", "indirect", "David Perdue", "said"),
            (
                "it was divisions in the Republican Party that were a bigger hurdle",
                "indirect",
                "David Perdue",
                "arguing",
            ),
        ],
        id="comma-participle-ends-the-clause-and-opens-the-next",
    ),
    pytest.param("Sen. Lindsey Graham has a detailed plan for clean energy.", [], id="adjective-is-no-cue"),
    pytest.param(
        "But when Congress cut funding for the pilot program two years later, Mexico said enough.",
        [],
        id="object-after-the-verb-is-no-trailing-cue",
    ),
    pytest.param(
        "In her 2003 book, Living History, Clinton noted the clot's existence.",
        [("the clot's existence", "indirect", "Clinton", "noted")],
        id="short-object-after-a-comma-setting",
    ),
    pytest.param(
        'In one tweet Friday, Trump said: "Did Crooked Hillary help her become a U.S. citizen?"',
        [("Did Crooked Hillary help her become a U.S. citizen?", "direct", "Trump", "said")],
        id="quotation-after-the-verb-is-no-trailing-cue",
    ),
    pytest.param(
        "Poll: Clinton and Trump in dead heat heading into first debate.\n\nHillary Clinton and Donald Trump are tied.",
        [("Clinton and Trump in dead heat heading into first debate", "indirect", "Poll", ":")],
        id="headline-single-word-before-a-colon-speaks",
    ),
    pytest.param("Editor: the desk checked every figure in this story.", [], id="label-colon-below-no-headline"),
    # A quoted transcript line is its label's reported line only, not a direct quote as well.
    pytest.param(
        "Mike Pence said Trump was only mocking Clinton. Partial transcript as follows:\n\n"
        '"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of \u201cShark Tank.\u201d But this '
        "is America, Chris.",
        [
            ("Trump was only mocking Clinton", "indirect", "Mike Pence", "said"),
            (
                "Well, look, Hillary Clinton apparently thinks this is an episode of \u201cShark Tank.\u201d But "
                "this is America, Chris",
                "indirect",
                "Mike Pence",
                ":",
            ),
        ],
        id="quoted-transcript-line-is-its-speakers-line-not-a-quotation",
    ),
    pytest.param(
        "According to Yahoo News, Clinton spokesman Jesse Lehrich said Friday that she would sign the bill.",
        [
            (
                "Clinton spokesman Jesse Lehrich said Friday that she would sign the bill",
                "indirect",
                "Yahoo News",
                "According to",
            )
        ],
        id="according-to-an-organisation",
    ),
    pytest.param(
        "The holiday is observed as a Muslim day of sacrifice, during which Muslims worldwide will kill animals.",
        [],
        id="passive-participle-is-no-cue",
    ),
    pytest.param(
        "Obama and Clinton's gut reaction is to tell the American people that we're defeating the Islamic State.",
        [],
        id="infinitive-is-not-reported",
    ),
    pytest.param(
        "The Tulsa Police Department revealed Tuesday the hallucinogen PCP was found in the SUV.",
        [("the hallucinogen PCP was found in the SUV", "indirect", "Tulsa Police Department", "revealed")],
        id="day-after-the-verb-is-skipped",
    ),
    pytest.param(
        "The average weekly benefit, it says, would be $300.",
        [("The average weekly benefit, it says, would be $300", "indirect", None, "says")],
        id="interrupting-cue-with-it",
    ),
    pytest.param(
        "The plan, the senator said, would fail.",
        [("The plan, the senator said, would fail", "indirect", None, "said")],
        id="interrupting-cue-with-a-role",
    ),
    pytest.param(
        'Ted Cruz said he was angry. "The day that was abrogated was the day this became personal," he said, adding '
        "he would never vote for Clinton.",
        [
            ("he was angry", "indirect", "Ted Cruz", "said"),
            ("The day that was abrogated was the day this became personal", "direct", "Ted Cruz", "said"),
            ("he would never vote for Clinton", "indirect", "Ted Cruz", "adding"),
        ],
        id="participle-after-a-direct-quotation-cue",
    ),
    pytest.param(
        "Clinton cited it as an example. Clinton says Trump\u2019s \u201clatest twitter meltdown is unhinged, even "
        "for him.\u201d",
        [
            ("it as an example", "indirect", "Clinton", "cited"),
            ("Trump\u2019s \u201clatest twitter meltdown is unhinged, even for him", "indirect", "Clinton", "says"),
            ("latest twitter meltdown is unhinged, even for him.", "direct", "Clinton", "says"),
        ],
        id="short-sentence-mostly-quoted-is-a-mixed-quote",
    ),
    pytest.param(
        'Putney said the video was "inconclusive," but he said that the footage "supports what we have heard" about it.',
        [
            ('the video was "inconclusive', "indirect", "Putney", "said"),
            ('the footage "supports what we have heard" about it', "indirect", "Putney", "said"),
            ("supports what we have heard", "direct", "Putney", "said"),
        ],
        id="but-he-said-ends-the-first-clause",
    ),
    pytest.param(
        "Democratic candidate Hillary Clinton, like Obama, has encouraged European nations to bolster defense spending "
        "but has said she will hold firm to U.S. defense commitments.",
        [
            ("European nations to bolster defense spending", "indirect", "Hillary Clinton", "encouraged"),
            ("she will hold firm to U.S. defense commitments", "indirect", "Hillary Clinton", "said"),
        ],
        id="apposition-before-an-auxiliary-is-not-the-subject",
    ),
    pytest.param(
        "The explosion went off around 8:30 p.m. in front of 131 West 23rd Street, according to NYPD Commissioner "
        "James O'Neill.",
        [
            (
                "The explosion went off around 8:30 p.m. in front of 131 West 23rd Street",
                "indirect",
                "James O'Neill",
                "according to",
            )
        ],
        id="lower-case-after-a-stop-goes-on-the-sentence",
    ),
    pytest.param(
        "Fowler said he expects Clinton to recover from pneumonia, which forced her to leave a Sept. 11 memorial.",
        [
            (
                "he expects Clinton to recover from pneumonia, which forced her to leave a Sept. 11 memorial",
                "indirect",
                "Fowler",
                "said",
            )
        ],
        id="short-month-does-not-end-the-sentence",
    ),
    pytest.param(
        "Democratic pollster Pat Caddell told host Alex Marlow on Thursday how surprised he is that health has been "
        "at the forefront.",
        [("how surprised he is that health has been at the forefront", "indirect", "Pat Caddell", "told")],
        id="question-word-after-the-addressee-opens-the-clause",
    ),
    pytest.param(
        'Limbaugh told his radio audience of Monday, "What has happened basically is this."',
        [("What has happened basically is this.", "direct", "Limbaugh", "told")],
        id="addressee-comma-quotation-is-direct-only",
    ),
    pytest.param(
        "Robby Mook said as much in an interview on Thursday, arguing that Trump \u201clashed out at our nation\u2019s "
        "generals.\u201d",
        [
            ("as much in an interview on Thursday", "indirect", "Robby Mook", "said"),
            ("Trump \u201clashed out at our nation\u2019s generals", "indirect", "Robby Mook", "arguing"),
            ("lashed out at our nation\u2019s generals.", "direct", "Robby Mook", "arguing"),
        ],
        id="second-report-of-few-unquoted-words",
    ),
    pytest.param(
        "Following the debate Politifact did a fact-check on Donald Trump\u2019s claim that there have been thousands "
        "of shootings in Chicago this year.",
        [
            (
                "there have been thousands of shootings in Chicago this year",
                "indirect",
                "Donald Trump",
                "claim",
            )
        ],
        id="possessor-claim-that-reports",
    ),
    pytest.param(
        "Editor\u2019s note: Donald Trump regularly\nincites political violence and is a serial liar who has\n"
        "repeatedly pledged to ban all Muslims from\nentering the U.S.",
        [],
        id="editorial-note-reports-nothing",
    ),
    pytest.param(
        "Kerr Putney, the Charlotte-Mecklenburg police chief, said the footage did not give definitive evidence.",
        [("the footage did not give definitive evidence", "indirect", "Kerr Putney", "said")],
        id="name-before-a-description-with-an-article",
    ),
    pytest.param(
        "Chastened, Trump has revised his plan, promising to focus more of its benefits on average Americans.",
        [("to focus more of its benefits on average Americans", "indirect", "Trump", "promising")],
        id="participle-speaker-after-a-one-word-opener",
    ),
    pytest.param(
        "Donald J. Trump has vowed to bring back lost mining jobs and roll back environmental regulations, and Hillary "
        "Clinton is promising to help mining communities transition out of coal.",
        [
            (
                "to bring back lost mining jobs and roll back environmental regulations",
                "indirect",
                "Donald J. Trump",
                "vowed",
            ),
            ("to help mining communities transition out of coal", "indirect", "Hillary Clinton", "promising"),
        ],
        id="and-a-named-subject-with-its-own-verb-ends-the-clause",
    ),
    pytest.param(
        "Trump \u2018The Dealmaker\u2019 Could Address Clean Energy, Lindsey Graham Says.\n\n"
        "Republican presidential nominee Donald Trump could embrace a clean energy policy.",
        [("Trump \u2018The Dealmaker\u2019 Could Address Clean Energy", "indirect", "Lindsey Graham", "Says")],
        id="headline-ending-with-its-capitalised-cue",
    ),
    pytest.param(
        "The report emphasized that Burma's reforms were not complete, and human rights groups warned that the "
        "administration was relinquishing critical leverage.",
        [
            ("Burma's reforms were not complete", "indirect", None, "emphasized"),
            ("the administration was relinquishing critical leverage", "indirect", None, "warned"),
        ],
        id="and-a-subject-a-reporting-verb-and-that-end-the-clause",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reported(text, expected):
    article = extract(text, lang="en")
    got = [(q.text, q.kind, q.speaker, q.cue) for q in article.quotes]
    assert got == expected
    for q in article.quotes:
        assert text[q.start : q.end] == q.text
