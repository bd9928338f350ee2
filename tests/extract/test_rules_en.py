"""English rules: tables of real sentences (news style) and what extraction must find in them (or must not)."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.extract import extract

# (text, [(quote text, kind, speaker, cue), ...]) in text order; [] means nothing is a quote.
QUOTE_CASES = [
    pytest.param(
        "\u201cThis is a disgusting day,\u201d said Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus.",
        [("This is a disgusting day", "direct", "G.K. Butterfield", "said")],
        id="initials-with-several-dots-do-not-end-the-sentence",
    ),
    pytest.param(
        '"This is a waste of time," said Del. Stacey Plaskett of the Virgin Islands.',
        [("This is a waste of time", "direct", "Stacey Plaskett", "said")],
        id="delegate-title-abbreviation-does-not-end-the-sentence",
    ),
    pytest.param(
        'Partial transcript as follows:\n"WALLACE: Let\u2019s start with breaking news on the debate story.\n'
        '"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of a reality show.\n',
        [
            ("Let\u2019s start with breaking news on the debate story", "indirect", "Wallace", ":"),
            (
                "Well, look, Hillary Clinton apparently thinks this is an episode of a reality show",
                "indirect",
                "Pence",
                ":",
            ),
        ],
        id="transcript-lines-in-marks-are-their-labels-words-not-quotations",
    ),
    pytest.param(
        'Secretary of State John F. Kerry spoke on Tuesday. "We remain open to credible talks," he said.',
        [("We remain open to credible talks", "direct", "John F. Kerry", "said")],
        id="name-after-secretary-of-state-keeps-its-first-name",
    ),
    pytest.param(
        'Sanctions are a deterrence to what it called "a clear threat to international peace and security."',
        [("a clear threat to international peace and security.", "direct", None, "called")],
        id="long-quote-after-called-stays-a-quote",
    ),
    pytest.param(
        "“This is in their heads. This is in their consciousness,” said Caddell.",
        [("This is in their heads. This is in their consciousness", "direct", "Caddell", "said")],
        id="cue-after-verb-first",
    ),
    pytest.param(
        "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist. ''It's anti-reform.''",
        [
            ("This isn't tax reform", "direct", "Douglas Holtz-Eakin", "said"),
            ("It's anti-reform.", "direct", "Douglas Holtz-Eakin", None),
        ],
        id="nyt-double-apostrophes-and-continuation",
    ),
    pytest.param(
        "Senate Majority Leader Mitch McConnell spoke on Thursday.\n\n"
        "“Our assumption is that the veto will be overridden,” he said.",
        [("Our assumption is that the veto will be overridden", "direct", "Mitch McConnell", "said")],
        id="pronoun-resolves-to-person-named-before",
    ),
    pytest.param(
        "Democratic nominee Hillary Clinton met Republican nominee Donald Trump.\n\n"
        "“Why won’t he release his tax returns?” she said.",
        [("Why won’t he release his tax returns?", "direct", "Hillary Clinton", "said")],
        id="she-skips-a-man-named-later",
    ),
    pytest.param(
        'Trump said: "We will win this state."',
        [("We will win this state.", "direct", "Trump", "said")],
        id="cue-before-with-colon",
    ),
    pytest.param(
        "Speaking in Toledo, Clinton says the Ohio native is a leader.",
        [("the Ohio native is a leader", "indirect", "Clinton", "says")],
        id="reported-name-nearest-the-verb-not-the-place",
    ),
    pytest.param(
        "According to Pence, the campaign raised more money than expected.",
        [("the campaign raised more money than expected", "indirect", "Pence", "According to")],
        id="according-to",
    ),
    pytest.param(
        "Romero said she was “anguished and deeply troubled” by the ruling.",
        [
            ("she was “anguished and deeply troubled” by the ruling", "indirect", "Romero", "said"),
            ("anguished and deeply troubled", "direct", "Romero", "said"),
        ],
        id="mixed-quote-is-two-quotes",
    ),
    pytest.param(
        "The campaign's costs, Mr. Obama said, would fall next year.",
        [("The campaign's costs, Mr. Obama said, would fall next year", "indirect", "Obama", "said")],
        id="cue-interrupting-its-clause",
    ),
    pytest.param(
        "The report came from Loretta Lynch, who said the department would sue the state.",
        [("the department would sue the state", "indirect", "Loretta Lynch", "said")],
        id="relative-who-takes-the-name-before-it",
    ),
    pytest.param(
        "Senator Tim Kaine bemoaned the unrest and said he thought drugs were a big factor.",
        [("he thought drugs were a big factor", "indirect", "Tim Kaine", "said")],
        id="second-verb-joined-by-and-keeps-the-subject",
    ),
    pytest.param(
        "Pat Caddell: Democrat Voters Worried About Clinton's Health",
        [("Democrat Voters Worried About Clinton's Health", "indirect", "Pat Caddell", ":")],
        id="headline-name-colon",
    ),
    pytest.param(
        "Railing Against Trump, Sanders Vows To Eliminate Tax Breaks For Developers",
        [("To Eliminate Tax Breaks For Developers", "indirect", "Sanders", "Vows")],
        id="headline-capitalised-verb",
    ),
    pytest.param(
        "Donald Trump took offense at the suggestions. He said that paying no income taxes was smart.",
        [("paying no income taxes was smart", "indirect", "Donald Trump", "said")],
        id="first-name-and-surname-register-a-person-without-a-cue",
    ),
    pytest.param(
        "Donald Trump met Hillary Clinton in Ohio.\n\n“We will win this state,” she said.",
        [("We will win this state", "direct", "Hillary Clinton", "said")],
        id="she-finds-a-woman-named-only-in-the-narrative",
    ),
    pytest.param(
        "Austin Police Department officials met on Monday.\n\n“We will win this state,” he said.",
        [("We will win this state", "direct", None, "said")],
        id="first-name-word-in-an-organisation-is-not-a-person",
    ),
    pytest.param(
        "Rival Hillary Clinton had mocked the complaint, saying anybody who complains about a microphone "
        "“is not having a good night.”",
        [
            (
                "anybody who complains about a microphone “is not having a good night",
                "indirect",
                "Hillary Clinton",
                "saying",
            ),
            ("is not having a good night.", "direct", "Hillary Clinton", "saying"),
        ],
        id="cue-without-a-name-takes-the-subject-of-the-sentence",
    ),
    pytest.param(
        "Donald Trump is warning voters that a Hillary Clinton victory would bring scandal back to the White House.",
        [
            (
                "a Hillary Clinton victory would bring scandal back to the White House",
                "indirect",
                "Donald Trump",
                "warning",
            )
        ],
        id="auxiliary-between-subject-and-verb",
    ),
    pytest.param(
        "After meeting with Barack Obama, Donald Trump is warning voters that taxes will rise next year.",
        [("taxes will rise next year", "indirect", "Donald Trump", "warning")],
        id="sentence-subject-is-not-the-object-of-a-preposition",
    ),
    pytest.param(
        "Donald Trump, her Republican opponent, bemoaned the unrest and said he thought that drugs were a big factor.",
        [("drugs were a big factor", "indirect", "Donald Trump", "said")],
        id="second-verb-after-an-apposition-keeps-the-subject",
    ),
    pytest.param(
        "The weather was bad. It is warning voters that taxes will rise next year.",
        [("taxes will rise next year", "indirect", None, "warning")],
        id="no-person-in-the-sentence-no-speaker",
    ),
    pytest.param(
        "Rendell, a Clinton surrogate, said he had battled through three bouts of walking pneumonia.",
        [("he had battled through three bouts of walking pneumonia", "indirect", "Rendell", "said")],
        id="apposition-a-name-modifying-a-noun-is-not-the-speaker",
    ),
    pytest.param(
        "Kerr Putney, the Charlotte-Mecklenburg police chief, said that the footage did not give a clear view.",
        [("the footage did not give a clear view", "indirect", "Kerr Putney", "said")],
        id="apposition-place-before-a-title-is-not-the-speaker",
    ),
    pytest.param(
        "Angelique Brunner, a Washington-based developer and spokeswoman for the EB-5 Investment Coalition, which "
        "is made up of investors and developers, said many of the examples failed to note that the program helped.",
        [("many of the examples failed to note that the program helped", "indirect", "Angelique Brunner", "said")],
        id="apposition-organisation-after-for-is-not-the-speaker",
    ),
    pytest.param(
        "“Taxes will rise next year,” the Tax Foundation said.",
        [("Taxes will rise next year", "direct", "Tax Foundation", "said")],
        id="organisation-with-the-speaks",
    ),
    pytest.param(
        "Mike Pence watched the debate with Donald Trump. He said that paying no income taxes was smart.",
        [("paying no income taxes was smart", "indirect", "Mike Pence", "said")],
        id="he-is-the-subject-of-the-sentence-before-not-its-object",
    ),
    pytest.param(
        "Hillary Clinton met Donald Trump in Ohio. He said that paying no income taxes was smart.",
        [("paying no income taxes was smart", "indirect", "Donald Trump", "said")],
        id="he-skips-a-woman-who-is-the-subject",
    ),
    pytest.param(
        "Mr. Obama dismissed the criticism as the voice of Mr. Tribe's client, Peabody Energy. "
        '"You know, I love Larry," he said.',
        [("You know, I love Larry", "direct", "Obama", "said")],
        id="he-subject-the-dot-of-mr-does-not-end-a-sentence",
    ),
    pytest.param(
        "PolitiFact says the best way to follow along is the live stream.\n\n"
        "PolitiFact Executive Director Aaron Sharockman responded that the site cites claims because they lack "
        "context.\n\n“We’re not just validating numbers,” he told InsideSources.",
        [
            ("the best way to follow along is the live stream", "indirect", "PolitiFact", "says"),
            ("the site cites claims because they lack context", "indirect", "Aaron Sharockman", "responded"),
            ("We’re not just validating numbers", "direct", "Aaron Sharockman", "told"),
        ],
        id="he-is-the-name-after-a-title-not-the-organisation-before-it",
    ),
    pytest.param(
        "Loretta Lynch has faced controversies, most recently her decision to meet with Bill Clinton while the "
        "department was investigating his wife, Democratic presidential nominee Hillary Clinton. "
        "She said that she wasn't aware of a backlash.",
        [("she wasn't aware of a backlash", "indirect", "Loretta Lynch", "said")],
        id="she-is-the-subject-not-a-name-in-apposition-after-a-comma",
    ),
    pytest.param(
        "“Promise mama you’ll keep your hands in sight,” Mary J. Blige sings to Hillary Clinton before asking her, "
        "“I just want to know, where do we go from here?”",
        [
            ("Promise mama you’ll keep your hands in sight", "direct", "Mary J. Blige", None),
            ("I just want to know, where do we go from here?", "direct", "Mary J. Blige", None),
        ],
        id="no-cue-name-right-after-the-quote-then-the-subject-of-the-sentence",
    ),
    pytest.param(
        "“Maybe, we can build a wall around him,” Karen Bobadilla posted on Instagram.",
        [("Maybe, we can build a wall around him", "direct", "Karen Bobadilla", None)],
        id="no-cue-name-right-after-the-quote-with-another-verb",
    ),
    pytest.param(
        "“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said "
        "Tuesday.",
        [("Our assumption is that the veto will be overridden", "direct", "Mitch McConnell", None)],
        id="no-cue-title-and-name-right-after-the-quote",
    ),
    pytest.param(
        "Matthews said Pence did well.\n\nHowever, he characterized Sen. Tim Kaine, D-Va., as, "
        "“a little desperate there, jumping in all the time.”",
        [
            ("Pence did well", "indirect", "Matthews", "said"),
            ("a little desperate there, jumping in all the time.", "direct", "Matthews", None),
        ],
        id="no-cue-pronoun-subject-not-the-object-named-later",
    ),
    pytest.param(
        "Donald Trump spoke in Ohio.\n\n“We will win this state.” Hillary Clinton then went on to attack him.",
        [("We will win this state.", "direct", "Donald Trump", None)],
        id="no-cue-a-name-after-a-full-stop-starts-a-new-sentence",
    ),
    pytest.param(
        "The Clinton campaign and DNC did not immediately respond to requests for comment. Interim DNC Chairwoman "
        "Donna Brazile said Sunday that she looks forward to “seeing her back out on the campaign trail.”",
        [
            ("she looks forward to “seeing her back out on the campaign trail", "indirect", "Donna Brazile", "said"),
            ("seeing her back out on the campaign trail.", "direct", "Donna Brazile", "said"),
        ],
        id="subject-is-the-name-a-run-of-titles-ends-at",
    ),
    pytest.param(
        "According to conservative talk radio host Rush Limbaugh, the move reeks of fear and desperation.",
        [("the move reeks of fear and desperation", "indirect", "Rush Limbaugh", "According to")],
        id="according-to-a-description-and-a-name",
    ),
    pytest.param(
        "Activist Angela Davis spoke at the rally.\n\n“We will not go back,” she said.",
        [("We will not go back", "direct", "Angela Davis", "said")],
        id="name-found-by-its-first-name-starts-there",
    ),
    pytest.param(
        "Although Trump said he pays his taxes, his returns remain private.",
        [("his returns remain private", "indirect", "Trump", "said")],
        id="although-is-not-part-of-a-name",
    ),
    pytest.param(
        "As I've said before, “the tax code is rigged against working families.”",
        [("the tax code is rigged against working families.", "direct", None, "said")],
        id="i-ve-is-not-a-name",
    ),
    pytest.param(
        "“I just hope that this campaign gives us the anger to go out and vote.” ―\u00a0Jorge Falcon",
        [("I just hope that this campaign gives us the anger to go out and vote.", "direct", "Jorge Falcon", "―")],
        id="dash-cue-after-a-no-break-space",
    ),
    pytest.param(
        "The bill passed in 2010.\n\n“It doesn’t make any sense,” said Bill Clinton.",
        [("It doesn’t make any sense", "direct", "Bill Clinton", "said")],
        id="first-name-that-is-also-a-common-word-stays-in-the-name",
    ),
    pytest.param(
        "Even China, Pyongyang's only ally and its economic lifeline, said it was “resolutely opposed” to the test.",
        [
            ("it was “resolutely opposed” to the test", "indirect", "China", "said"),
            ("resolutely opposed", "direct", "China", "said"),
        ],
        id="apposition-a-possessive-description-is-not-the-speaker",
    ),
    pytest.param(
        "Trump's campaign manager Kellyanne Conway said the debate went well.",
        [("the debate went well", "indirect", "Kellyanne Conway", "said")],
        id="possessive-role-then-the-name",
    ),
    pytest.param(
        "It shows an officer aiming a gun at an unseen Keith Lamont Scott. Rakeyia Scott can be heard yelling to "
        'the officers that her husband was unarmed.\n\n"Don\'t shoot him," she says.',
        [
            ("her husband was unarmed", "indirect", "Rakeyia Scott", "yelling"),
            ("Don't shoot him", "direct", "Rakeyia Scott", "says"),
        ],
        id="unknown-name-opening-the-sentence-of-a-cue-is-registered-and-a-surname-tells-no-gender",
    ),
    pytest.param(
        "Wells Fargo just this month announced it would get rid of these incentives.",
        [("it would get rid of these incentives", "indirect", "Wells Fargo", "announced")],
        id="organisation-opening-the-sentence-of-a-cue",
    ),
    pytest.param(
        "The White House is saying that the tax history shows the need for reform.",
        [("the tax history shows the need for reform", "indirect", "White House", "saying")],
        id="organisation-with-the-opening-the-sentence-of-a-cue",
    ),
    pytest.param(
        "The State Department Refugee Processing Center said that 98.33 percent of the Syrian refugees are Sunni "
        "Muslims.",
        [
            (
                "98.33 percent of the Syrian refugees are Sunni Muslims",
                "indirect",
                "State Department Refugee Processing Center",
                "said",
            )
        ],
        id="long-organisation-name-opening-the-sentence",
    ),
    pytest.param(
        "The Republican National Committee is filing a complaint Monday with Washington D.C.’s attorney oversight "
        "board, claiming that Hillary Clinton aide Cheryl Mills had a conflict of interest.",
        [
            (
                "Hillary Clinton aide Cheryl Mills had a conflict of interest",
                "indirect",
                "Republican National Committee",
                "claiming",
            )
        ],
        id="participle-cue-takes-the-organisation-opening-the-sentence-not-a-name-in-the-clause",
    ),
    pytest.param(
        "The White House spokesman said that the president would veto the bill.",
        [("the president would veto the bill", "indirect", None, "said")],
        id="organisation-before-a-title-is-not-the-speaker",
    ),
    pytest.param(
        '"To be frank, the city will never go back to normal," said the Rev. Peter Wherry, of Mayfield Memorial '
        "Missionary Baptist Church.",
        [("To be frank, the city will never go back to normal", "direct", "Peter Wherry", "said")],
        id="cue-after-the-and-an-honorific-before-the-name",
    ),
    pytest.param(
        "“The president’s rationales to veto JASTA don’t hold weight,” said 9/11 widow Terry Strada.",
        [("The president’s rationales to veto JASTA don’t hold weight", "direct", "Terry Strada", "said")],
        id="cue-after-a-description-before-the-name",
    ),
    pytest.param(
        'Clinton "is the only candidate that has the experience to keep America safe," retired Air Force general '
        "Lloyd Newton said.",
        [
            (
                'Clinton "is the only candidate that has the experience to keep America safe',
                "indirect",
                "Lloyd Newton",
                "said",
            ),
            ("is the only candidate that has the experience to keep America safe", "direct", "Lloyd Newton", "said"),
        ],
        id="name-first-cue-after-a-lower-case-description",
    ),
    pytest.param(
        "The spot concludes with footage of Donald Trump saying during the debate, “That makes me smart,” when "
        "Clinton blasted him for not paying income tax.",
        [
            ("That makes me smart", "direct", "Donald Trump", "blasted"),
            ("him for not paying income tax", "indirect", "Clinton", "blasted"),
        ],
        id="a-later-clause-with-its-own-subject-is-not-the-cue-site",
    ),
    pytest.param(
        "White House spokesman Josh Earnest said Monday that President Barack Obama has long called for tax "
        "fairness. He said Obama hopes that his successor will push for the same goals.",
        [
            ("President Barack Obama has long called for tax fairness", "indirect", "Josh Earnest", "said"),
            ("his successor will push for the same goals", "indirect", "Josh Earnest", "said"),
        ],
        id="he-is-the-subject-after-an-organisation-and-a-title-not-a-name-in-the-clause",
    ),
    pytest.param(
        "Loretta Lynch has served since 2015.\n\n"
        "She has faced a number of controversies since taking the helm at the Justice Department, most recently "
        "her decision to meet with Bill Clinton while the department was investigating his wife, Democratic "
        "presidential nominee Hillary Clinton. She has pushed for vigorous prosecution of human trafficking cases, "
        "which mostly affect women and girls across the country and abroad, and of the police departments that "
        "failed the communities they serve. She has spoken about race more often than about gender.\n\n"
        "She also said that young women should make themselves heard in meetings.\n\n"
        "“People tend not to say those things to the attorney general,” she said.",
        [
            ("young women should make themselves heard in meetings", "indirect", "Loretta Lynch", "said"),
            ("People tend not to say those things to the attorney general", "direct", "Loretta Lynch", "said"),
        ],
        id="she-follows-a-chain-of-sentences-opening-with-she-past-an-apposition",
    ),
    pytest.param(
        "“The exact cause of the explosion has not been determined,” said O'Neill.\n\n"
        "Before city officials had weighed in, Republican presidential nominee Donald Trump said that a bomb had "
        "gone off in New York.\n\n"
        "“I must tell you that a bomb went off in New York,” he said.",
        [
            ("The exact cause of the explosion has not been determined", "direct", "O'Neill", "said"),
            ("a bomb had gone off in New York", "indirect", "Donald Trump", "said"),
            ("I must tell you that a bomb went off in New York", "direct", "Donald Trump", "said"),
        ],
        id="he-is-a-subject-after-an-opening-adverbial-and-a-comma",
    ),
    pytest.param(
        "Kellyanne Conway met Jim Jordan on Monday.\n\n“We will win this state,” she said.",
        [("We will win this state", "direct", "Kellyanne Conway", "said")],
        id="more-first-names-register-people-and-tell-gender",
    ),
    pytest.param(
        "Marion County officials met on Monday.\n\n“We will win this state,” she said.",
        [("We will win this state", "direct", None, "said")],
        id="first-name-before-an-organisation-word-is-not-a-person",
    ),
    pytest.param("Editor: the desk checked every figure in this story.", [], id="label-colon-is-not-a-speaker"),
    pytest.param("He watched “Fox News Sunday” at home.", [], id="show-title-is-not-a-quote"),
    pytest.param("Burton thinks that cats are “cuties”.", [], id="belief-verb-and-scare-quote"),
    pytest.param("The United States remains the world's largest economy by far.", [], id="states-is-not-a-verb-here"),
]


@pytest.mark.parametrize(("text", "expected"), QUOTE_CASES)
def test_quotes(text, expected):
    article = extract(text, lang="en")
    got = [(q.text, q.kind, q.speaker, q.cue) for q in article.quotes]
    assert got == expected
    for q in article.quotes:
        assert text[q.start : q.end] == q.text


# (text, quote text, speaker): only who says the quote is checked, whatever else is found around it.
SPEAKER_CASES = [
    pytest.param(
        # (`tweet attacking a former Miss Universe` is also read as a report: a known false positive.)
        "Hillary Clinton is describing as “unhinged” a Donald Trump tweet attacking a former Miss Universe. "
        "She says his temperament is “dangerous for a president.”",
        "his temperament is “dangerous for a president",
        "Hillary Clinton",
        id="she-is-the-subject-not-a-title-named-later",
    ),
    pytest.param(
        "Hillary Clinton is describing as “unhinged” a Donald Trump tweet attacking a former Miss Universe. "
        "She says his temperament is “dangerous for a president.”",
        "dangerous for a president.",
        "Hillary Clinton",
        id="she-is-the-subject-not-a-title-named-later-direct",
    ),
    pytest.param(
        "During a speech, Donald Trump attacked Clinton for her support of military action in Iraq and Libya, "
        'saying, "She\'s trigger-happy and very unstable."',
        "She's trigger-happy and very unstable.",
        "Donald Trump",
        id="participle-after-a-comma-the-name-before-it-is-an-object",
    ),
    pytest.param(
        'Donna Brazile called Mr. Obama\'s remarks on Saturday "a true wake-up call" to his coalition.',
        "a true wake-up call",
        "Donna Brazile",
        id="possessive-before-the-cue-is-not-the-speaker",
    ),
    pytest.param(
        "Rep. Gregory W. Meeks (D-N.Y.), chairman of the Congressional Black Caucus PAC, said members will help "
        "him raise cash.",
        "members will help him raise cash",
        "Gregory W. Meeks",
        id="initials-after-of-in-an-apposition-are-an-organisation",
    ),
    pytest.param(
        "David Axelrod called on Howard Dean to apologize to Donald Trump for accusing him of being a cocaine "
        "user.\n\nDean, a former party chairman, poked at Trump during the debate, tweeting, “Notice Trump "
        "sniffing all the time.”",
        "Notice Trump sniffing all the time.",
        "Howard Dean",
        id="a-full-name-inside-a-reported-clause-registers-the-person",
    ),
    pytest.param(
        "British Prime Minister Theresa May said this week that the country would leave and suggested that it "
        "would withdraw from the single market.",
        "it would withdraw from the single market",
        "Theresa May",
        id="surname-that-is-a-month-after-a-first-name",
    ),
    pytest.param(
        "“The vote is set,” said Mike Pence Monday.",
        "The vote is set",
        "Mike Pence",
        id="day-after-a-full-name-is-not-part-of-it",
    ),
    pytest.param(
        "Hillary Clinton was hospitalized in 1998.\n\nAfter saying her right foot was “so swollen I could barely "
        "get my shoe on,” she was taken to the hospital.",
        "so swollen I could barely get my shoe on",
        "Hillary Clinton",
        id="subject-after-an-opening-clause-that-holds-the-quote",
    ),
    pytest.param(
        "Donald Trump spoke in Ohio on Monday. “It was scary,” said a resident who lives near the hall.",
        "It was scary",
        None,
        id="an-unnamed-resident-is-nobody-named-nearby",
    ),
    pytest.param(
        'Rep. Jim Jordan spoke first. Mills "got an immunity agreement," Jordan said, and still "got to sit in on '
        'the interview."',
        "got to sit in on the interview.",
        "Jim Jordan",
        id="a-name-is-never-read-across-a-quotation",
    ),
    pytest.param(
        'Speaking at a rally in Novi, Michigan, Donald Trump says he is making "a demand" of Barack Obama.\n\n'
        '"Mr. President, will you pledge not to issue a pardon?" he asks.',
        "Mr. President, will you pledge not to issue a pardon?",
        "Donald Trump",
        id="he-is-not-the-object-of-a-preposition-after-a-closing-mark",
    ),
    pytest.param(
        "The Times on Saturday wrote that Trump had claimed a loss of $916 million in 1995.\n\n"
        '"Special tax breaks enable billionaires to avoid paying their fair share," said Sanders, whose candidacy '
        'was founded on denunciations of the rich.\n\n"It is time to create a tax system which is fair," he said.',
        "It is time to create a tax system which is fair",
        "Sanders",
        id="he-is-the-name-after-said-following-a-closing-mark",
    ),
    pytest.param(
        "Hillary Clinton’s campaign manager Robby Mook said as much in an interview on Thursday, arguing that "
        "Trump “lashed out at our generals.”",
        "lashed out at our generals.",
        "Robby Mook",
        id="subject-after-a-possessive-and-a-role-not-the-possessor",
    ),
    pytest.param(
        'Donald Trump spoke first. "We will win," said Mike Pence. "We will win," said Mike Pence.',
        "We will win",
        "Mike Pence",
        id="a-quote-repeated-keeps-its-speaker",
    ),
    pytest.param(
        "Clinton says she hopes to be elected president, but she knows that “LeBron will always be the king.”",
        "LeBron will always be the king.",
        "Clinton",
        id="a-name-noted-twice-at-its-cue-is-read-once",
    ),
    pytest.param(
        "In July, the NAACP called for a moratorium on charter schools.",
        "for a moratorium on charter schools",
        "NAACP",
        id="organisation-opening-the-clause-after-an-opening-adverbial",
    ),
    pytest.param(
        "Kerr Putney, the Charlotte-Mecklenburg police chief, said that police video footage did not give evidence.",
        "police video footage did not give evidence",
        "Kerr Putney",
        id="a-name-before-the-comma-is-no-opening-adverbial",
    ),
    pytest.param(
        "Nonetheless Trump said the rally went well.",
        "the rally went well",
        "Trump",
        id="sentence-adverb-is-not-part-of-a-name",
    ),
]


@pytest.mark.parametrize(("text", "quote", "speaker"), SPEAKER_CASES)
def test_speakers(text, quote, speaker):
    found = {q.text: q.speaker for q in extract(text, lang="en").quotes}
    assert quote in found
    assert found[quote] == speaker


@pytest.mark.parametrize(
    ("text", "target", "status"),
    [
        ("Steve Bannon did not respond to a request for comment on Friday.", "Steve Bannon", "no_response"),
        ("Mark Burns declined to comment when asked about the rally.", "Mark Burns", "declined"),
        ("Paul Manafort could not be reached for comment.", "Paul Manafort", "unreachable"),
    ],
)
def test_follow_ups(text, target, status):
    (follow_up,) = extract(text, lang="en").follow_ups
    assert (follow_up.target, follow_up.status) == (target, status)


@pytest.mark.parametrize(
    ("text", "published"),
    [("WASHINGTON (Reuters) - The vote was held on Aug. 20, 2024 in the Senate.", date(2024, 8, 20))],
)
def test_date(text, published):
    assert extract(text, lang="en").published == published


def test_original_source_via():
    assert extract("The report was published via Reuters on Monday.", lang="en").original_source == "Reuters"


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton Speaks \u2018Directly To White People\u2019 After Latest Police Shooting\n\n"
        "Hillary Clinton spoke out Tuesday about the police shootings.",
        "Donald Trump Invokes Rigged Election Again At Rally\n\nDonald Trump spoke for an hour at the rally.",
    ],
)
def test_capitalised_words_of_a_title_case_headline_are_no_name(text):
    # Every word of the headline is capitalised: `Speaks`, `Invokes` do not continue the name.
    names = [p.name for p in extract(text, lang="en").people]
    assert len(names) == 1 and names[0] in {"Hillary Clinton", "Donald Trump"}


def test_possessive_name_in_a_title_case_headline_is_a_person():
    # The possessive ends the name (`Hillary Clinton's Health`), so the headline's capitals do not run into it.
    text = (
        "Democrat Voters Worried About Hillary Clinton\u2019s Health Issues in Their Heads\n\n"
        "Voters told pollsters that her health matters."
    )
    assert [p.name for p in extract(text, lang="en").people] == ["Hillary Clinton"]
