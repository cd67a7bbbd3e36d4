package questions

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// One table test per failure pattern the blind reviews found
// (../shared/specs/question-quality.md, "What goes wrong"): a minimal
// article, and the bad question is not made, or is made right.
func TestFailurePatterns(t *testing.T) {
	rivers := "= Danube =\n\nThe Danube is a river in Central Europe. " +
		"The Danube flows into the Black Sea after passing Vienna, Budapest and Belgrade. " +
		"The Romans called the river Danubius and built forts along it from 15 BC. " +
		"Near Passau the Danube meets the Inn, and further east it meets the Drava and the Tisza. " +
		"The historian Herodotus described the Danube in the fifth century BC.\n"
	cup := "= 1938 FIFA World Cup =\n\nThe 1938 FIFA World Cup was the third World Cup, held in France. " +
		"After Uruguay in 1930 and Italy in 1934, Italy won the title again in 1938 in Paris. " +
		"The final was played at the Stade Olympique de Colombes on 19 June 1938 before 45,000 spectators. " +
		"Italy beat Hungary 4–2 in the final, with two goals from Gino Colaussi and two from Silvio Piola.\n"
	mars := "= Mars =\n\nMars is the fourth planet from the Sun. " +
		"Mars has two natural satellites: Phobos and Deimos. " +
		"Python 3.10 was released on October 4, 2021, long after the Mariner 4 flyby of Mars in July 1965. " +
		"The Viking 1 lander touched down on Mars on July 20, 1976, and worked for about 2,245 days.\n"
	raid := "= 2011 Tabankort raid =\n\nInfobox\n- Date: January 8, 2011\n- Place: Tabankort, Mali\n- Result: hostages killed\n\n" +
		"The 2011 Tabankort raid was a French special forces operation near Tabankort, Mali, on January 8, 2011. " +
		"Head of the Special Operations Command (COS) Frederic Beth mobilized 200 men for the operation. " +
		"The Armed Forces of Mali (FAMa) and the French Army (FA) had worked together since 2009. " +
		"In this correspondence, the minister Alain Juppé defended the decision to attack near Tabankort.\n"
	tests := []struct {
		name, article string
		bad           func(q Question) string // why q is bad, or ""
	}{
		{"a river's options are rivers, never a city on it", rivers, func(q Question) string {
			if q.Type != MultipleChoice || q.Kind != KindPlace {
				return ""
			}
			for _, o := range q.Options {
				if o == "Vienna" || o == "Budapest" || o == "Belgrade" || o == "Black Sea" || o == "Central Europe" {
					if q.Answer == "Inn" || q.Answer == "Drava" || q.Answer == "Tisza" {
						return "a city or sea among the options of a river: " + o
					}
				}
			}
			return ""
		}},
		{"no year before the ones the stem orders", cup, func(q Question) string {
			if q.Type != MultipleChoice || !strings.Contains(q.Prompt, "After Uruguay in 1930") {
				return ""
			}
			for _, o := range q.Options {
				if o <= "1930" {
					return "option " + o + " is ruled out by 'after ... 1930'"
				}
			}
			return ""
		}},
		{"never the quiz's own headline year as a wrong date", raid, func(q Question) string {
			if q.Type != MultipleChoice || q.Kind != KindDate {
				return ""
			}
			for _, o := range q.Options {
				if o != q.Answer && !strings.Contains(o, "2011") && strings.Contains(q.Answer, "2011") {
					return "option " + o + " leaves the title's year"
				}
			}
			return ""
		}},
		{"a count is not asked when the stem lists what it counts", mars, func(q Question) string {
			if strings.Contains(q.Prompt, "natural satellites") && (q.Type == Numeric || q.Kind == KindNumber) {
				return "the stem names Phobos and Deimos"
			}
			return ""
		}},
		{"a version number is no quantity", mars, func(q Question) string {
			if q.Type == Numeric && (q.Answer == "3.1" || q.Answer == "3.10" || q.Answer == "3") {
				return "Python 3.10 read as a number"
			}
			return ""
		}},
		{"an approximate figure has a tolerance", mars, func(q Question) string {
			if q.Type == Numeric && q.Answer == "2245" && q.Tolerance == 0 {
				return "'about 2,245 days' asked exactly"
			}
			return ""
		}},
		{"no infobox matching, no acronym matching", raid, func(q Question) string {
			if q.Type == Matching && (q.Kind == KindInfobox || q.Kind == KindAcronym) {
				return "a matching item solvable from the shape of the values"
			}
			return ""
		}},
		{"no acronym choice that the initials solve", raid, func(q Question) string {
			if q.Type == MultipleChoice && q.Kind == KindAcronym {
				for _, o := range q.Options {
					if initials(o) != initials(q.Answer) {
						return "option " + o + " has other initials"
					}
				}
			}
			return ""
		}},
		{"no stem that points back", raid, func(q Question) string {
			if strings.Contains(q.Prompt, "this correspondence") {
				return "'this correspondence' has no referent"
			}
			return ""
		}},
		{"never a(n) before a blank", raid + "An Atlantique 2 plane took off from Niamey at night.\n", func(q Question) string {
			if strings.Contains(q.Prompt, "a(n)") || strings.Contains(q.Prompt, "A(n)") {
				return "a(n) artefact"
			}
			return ""
		}},
		{"the subject is never the key", mars, func(q Question) string {
			if q.Answer == "Mars" {
				return "the title as the answer"
			}
			return ""
		}},
		{"a person of no known role gets no name options", cup, func(q Question) string {
			if q.Type == MultipleChoice && q.Kind == KindPerson {
				return "person options without a shared role: " + strings.Join(q.Options, ", ")
			}
			return ""
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, q := range generateFrom(t, tt.article) {
				if why := tt.bad(q); why != "" {
					t.Errorf("%s\n  %s: %q %v (answer %q)", why, q.Type, q.Prompt, q.Options, q.Answer)
				}
			}
		})
	}
}

// checkArticle makes every question of article and fails each one bad
// gives a reason against; stands names a question the article must still
// make, so that a check cannot pass by the engine making nothing.
func checkArticle(t *testing.T, article string, bad func(Question) string, stands func(Question) bool) {
	t.Helper()
	made := false
	qs := generateFrom(t, article)
	for _, q := range qs {
		if why := bad(q); why != "" {
			t.Errorf("%s\n  %s: %q %v (answer %q, accepted %v)", why, q.Type, q.Prompt, q.Options, q.Answer, q.Accepted)
		}
		made = made || stands(q)
	}
	if !made {
		t.Errorf("the sentence that stands alone made no question; the %d made:", len(qs))
		for _, q := range qs {
			t.Logf("  %s %q (answer %q)", q.Type, q.Prompt, q.Answer)
		}
	}
}

// TestStemsLeaningBack: sentences that speak of what an earlier one
// introduced ("the sisters", "both vessels", "that evening", "the two
// helicopters", "thus") make no question, while the sentences around them
// that stand alone still do.
func TestStemsLeaningBack(t *testing.T) {
	article := "= Operation Eastern Exit =\n\n" +
		"Operation Eastern Exit was the evacuation of the United States embassy in Mogadishu in January 1991. " +
		"The sisters were transferred to the Fourth Carrier Division in May 1944. " +
		"Both vessels were considered obsolete by the eve of the Pacific War. " +
		"United States Central Command began planning and mobilizing forces that evening. " +
		"The two helicopters returned to Guam with the first 61 evacuees. " +
		"Gnaeus was thus the grandson of Mark Antony and Octavia Minor. " +
		"On 17 August, the tensions escalated into an open revolt of the Croatian Serbs. " +
		"The final execute order was issued for a 02:45 launch of two CH-53E Super Stallions from Oman. " +
		"The Yugoslav People's Army believed that Croatia would build an army of its own in 1991. " +
		"In June 2015, Dodd was selected for the under 25 team for the 2015 Women's U25 World Championship in Beijing. " +
		"The evacuees were flown to Muscat, the capital of Oman, on 11 January 1991.\n"
	leaning := []string{"sisters", "Both vessels", "that evening", "helicopters returned", "thus", "tensions",
		"02:", "_____'s Army", "under _____ team"}
	checkArticle(t, article, func(q Question) string {
		for _, l := range leaning {
			if strings.Contains(q.Prompt, l) {
				return fmt.Sprintf("leans on an earlier sentence (%q)", l)
			}
		}
		return ""
	}, func(q Question) bool {
		return strings.Contains(q.Source, "Muscat") || strings.Contains(q.Source, "Mogadishu")
	})
}

// TestQuizVariety: a quiz of ten from a real article asks one sentence
// at most twice, and twice only when one of the two is a question of its
// own ("In what year was the Star created?") beside a blank or statement;
// it keeps each kind of fact to 30 % while other kinds can fill it, and
// no question names another's answer.
func TestQuizVariety(t *testing.T) {
	for name, data := range allArticles(t) {
		a := mustParse(t, data)
		qs := Generate(a, ExtractFacts(a), Options{Count: 10})
		kinds, sources := map[Kind]int{}, map[string][]Question{}
		for i, q := range qs {
			kinds[q.Kind]++
			if prev := sources[q.Source]; len(prev) >= 2 || len(prev) == 1 && !asksAlone(&prev[0]) && !asksAlone(&q) {
				t.Errorf("%s: sentence asked twice: %q", name, q.Source)
			}
			sources[q.Source] = append(sources[q.Source], q)
			for j, o := range qs {
				if k := answerKey(o); i != j && k != "" && statesKey(&q, k) {
					t.Errorf("%s: %q gives away the answer of %q (%s)", name, q.Prompt, o.Prompt, o.Answer)
				}
			}
		}
		// A kind goes past 30 % only when nothing of another kind could
		// take the place of its last question: the quiz without it has
		// room for no candidate of another kind.
		pool := Generate(a, ExtractFacts(a), Options{Count: -1})
		for k, n := range kinds {
			if n <= 3 || len(qs) < 10 {
				continue
			}
			last := -1 // the lowest-ranked question of kind k
			for i, q := range qs {
				if q.Kind == k {
					last = i
				}
			}
			v := NewVariety(10, false)
			for i, q := range qs {
				if i != last {
					v.Add(q)
				}
			}
			for _, c := range pool {
				if c.Kind != k && !slices.ContainsFunc(qs, func(q Question) bool { return q.ID == c.ID }) && v.Fits(c, PastCaps) {
					t.Errorf("%s: %d questions of kind %s in ten, though %q (%s) fits", name, n, k, c.Prompt, c.Kind)
					break
				}
			}
		}
	}
}

// TestSeventhReviewPatterns: the failures the seventh review found on
// articles new to the engine, each in a minimal article. A sentence that
// should still make a question is checked to make one, so that the test
// cannot pass by the engine making nothing.
func TestSeventhReviewPatterns(t *testing.T) {
	olympics := "= 1936 Summer Olympics =\n\n" +
		"The 1936 Summer Olympics were an international multi-sport event held in Berlin, Germany. " +
		"The Olympic torch relay, itself pioneered as part of the 1936 Summer Games, was to fly the flame from Olympia to Tokyo. " +
		"Filmmaker Leni Riefenstahl was commissioned by the German Olympic Committee to film the Games for $7 million. " +
		"In 1923, Hermann Oberth—considered a father of modern rocketry—published a book on rockets in Munich. " +
		"Considering himself the first servant of the state, Frederick was a proponent of enlightened absolutism in Prussia. " +
		"From 1648 to 1652, Portuguese Brazilian bandeirante António Raposo Tavares led an expedition from São Paulo to the Amazon. " +
		"Hans von Tschammer und Osten, as Reichssportführer, played a major role in the organisation of the Olympics in Berlin. " +
		"According to the British Geological Survey in 2005, Chile was the top producer of copper in the world. " +
		"Johann Gustav Droysen was even more extolling of the Berlin games in 1937. " +
		"Field Marshal von Seckendorff, the Austrian ambassador in Berlin, bribed the Prussian Minister of War in 1730. " +
		"Nazi theory held that Slavs in the Soviet Union were being ruled by Bolshevik masters from Moscow. " +
		"Finnish defenses held out for over 3 months while inflicting stiff losses on Soviet forces near Berlin.\n"
	science := "= Copper =\n\n" +
		"Copper is a chemical element with the symbol Cu and atomic number 29. " +
		"The trade with Andean civilisations in the terrains of the headwaters in the Andes formed an essential contribution to metalwork in Peru. " +
		"From 1981 through 1997, 1207 cases of Reye's syndrome were reported to the U.S. Centers for Disease Control and Prevention in Atlanta. " +
		"In 1853, chemist Charles Frédéric Gerhardt treated acetyl chloride with sodium salicylate for the first time;:46–48 other chemists followed in Paris. " +
		"It has been assigned a rotation period of 10 hr 39 min 22.4 sec (810.8°/d). Because it is close to System II, it has largely superseded it. " +
		"Taking aspirin daily for 1 year prevents 1 in 1,667 from having a heart attack in the United Kingdom. " +
		"A copper pendant was found in northern Iraq that dates to 8700 BC, in the Zagros Mountains. " +
		"A co-processor for the DF-224 was added in 1993, which consisted of an Intel-based 80386 processor with a math co-processor in Houston. " +
		"For pain or fever, the effects of aspirin typically begin within 30 minutes in adults in Germany. " +
		"Copper alloy products are installed in hospitals in the U.K., Ireland, Japan, Korea, France, Denmark, and Brazil and in the subway of Santiago, Chile.\n"
	checks := []struct {
		name, article string
		bad           func(q Question) string
		good          func(q Question) bool
	}{
		{"the key is never the title's own year", olympics, func(q Question) string {
			if strings.Contains(q.Prompt, "_____ Summer Games") {
				return "asks for the quiz's own year"
			}
			return ""
		}, func(q Question) bool { return strings.Contains(q.Source, "Oberth") }},
		{"a name's span is the name", olympics, func(q Question) string {
			switch q.Answer {
			case "Filmmaker Leni Riefenstahl", "Hermann Oberth—considered", "Considering", "Portuguese Brazilian", "Hans von Tschammer":
				return "the span is not a name"
			}
			if strings.Contains(q.Prompt, "_____ und Osten") || strings.Contains(q.Prompt, "von _____") {
				return "half a name"
			}
			if q.Answer == "Slavs" {
				return "a people asked as a person"
			}
			if q.Type == Numeric && q.Answer == "3" && q.Tolerance != 0 {
				// a small count the stem hedges is still the count the article
				// gives: the twelfth review failed "at least 2 mines" ±1
				return fmt.Sprintf("'over 3 months' with a tolerance of %v", q.Tolerance)
			}
			return ""
		}, func(q Question) bool { return strings.Contains(q.Source, "Seckendorff") }},
		{"no unguessable source or comparison without its referent", olympics, func(q Question) string {
			if q.Answer == "British Geological Survey" || q.Answer == "Johann Gustav Droysen" {
				return "a source attribution or a comparison with what came before"
			}
			return ""
		}, func(q Question) bool { return strings.Contains(q.Source, "Chile") }},
		{"nothing the stem's own words give, nor half of a well-known name", science, func(q Question) string {
			if q.Answer == "Andes" || q.Answer == "Disease Control" {
				return "given away by the stem"
			}
			return ""
		}, func(q Question) bool { return q.Answer == "8700 BC" }},
		{"broken text makes no question", science, func(q Question) string {
			if strings.Contains(q.Prompt, ";:46") || strings.Contains(q.Prompt, "Because it is close") && strings.Contains(q.Prompt, "rotation") {
				return "a citation or two sentences run together"
			}
			for _, o := range q.Options {
				if strings.Contains(o, "prevents") {
					return "an option took in a verb: " + o
				}
			}
			return ""
		}, func(q Question) bool { return q.Answer == "8700 BC" }},
		{"a round year's options are round, no model number is a quantity", science, func(q Question) string {
			if q.Answer == "8700 BC" {
				for _, o := range q.Options {
					if o != q.Answer && !strings.HasSuffix(strings.TrimSuffix(o, " BC"), "00") {
						return "option " + o + " beside a round year"
					}
				}
			}
			if strings.HasPrefix(q.Answer, "80386") {
				return "a processor's model number asked as a quantity"
			}
			return ""
		}, func(q Question) bool { return q.Answer == "8700 BC" && q.Type == MultipleChoice }},
		{"a round time has a tolerance; a list's last item is no key", science, func(q Question) string {
			if q.Type == Numeric && q.Answer == "30" && q.Tolerance == 0 {
				return "within 30 minutes asked exactly"
			}
			if q.Answer == "Brazil" {
				return "the last item of a list"
			}
			return ""
		}, func(q Question) bool { return q.Type == Numeric && q.Answer == "30" }},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) { checkArticle(t, c.article, c.bad, c.good) })
	}
}

// TestAsidesDropped: a stem leaves out the bracketed asides of its
// sentence (a translation, a conversion, an alias), keeps the one that
// separates two names, and an aside inside a number's unit is no cause for
// a crash.
func TestAsidesDropped(t *testing.T) {
	article := "= Toronto Star =\n\n" +
		"The Toronto Star is a Canadian daily newspaper. " +
		"The Star (originally known as the Evening Star) was created in 1892 by striking printers in Toronto. " +
		"Head of the Special Operations Command (COS) Frederic Beth mobilized 200 men in Toronto in 1990. " +
		"Nangka peaked in strength with a barometric pressure of 980 mbar (hPa; 29.09 inHg) near Guam in 2003.\n"
	qs := generateFrom(t, article)
	found := false
	for _, q := range qs {
		if strings.Contains(q.Source, "Evening Star") && q.Answer == "1892" && strings.Contains(q.Prompt, Blank) {
			found = true
			if strings.Contains(q.Prompt, "(") || !strings.Contains(q.Prompt, "The Star was created in _____ by") {
				t.Errorf("the aside stays in the stem: %q", q.Prompt)
			}
		}
		if strings.Contains(q.Prompt, "Command Frederic") || strings.Contains(q.Prompt, "Command _____") {
			t.Errorf("the aside between two names was taken out: %q", q.Prompt)
		}
	}
	if !found {
		t.Error("no question asks for 1892")
	}
}

// TestEighthReviewPatterns: what the eighth review found, each in a
// minimal article, with a sentence that must still make a question.
func TestEighthReviewPatterns(t *testing.T) {
	article := "= Milky Way =\n\n" +
		"The Milky Way is the galaxy that contains the Solar System, first described by Galileo Galilei in 1610. " +
		"The Far 3 kpc Arm was discovered in 2008 by astronomer Tom Dame (Harvard-Smithsonian CfA). " +
		"The area of the sky obscured by the Milky Way is called the Zone of Avoidance. " +
		"On 13 July 1688 it was decided to build 21 new warships in Amsterdam. " +
		"In total 104 officers and 44 soldiers returned to Amsterdam in 1689. " +
		"Henry Compton, the Bishop of London, crowned the king in Westminster in 1689. " +
		"Justinian's rule constitutes a distinct epoch in the history of the Later Roman empire in Constantinople. " +
		"Lisbon is recognised as a alpha-level global city by the Globalization and World Cities Study Group in 2016. " +
		"Vasco da Gama's expedition to India left Lisbon in 1498, and reached Calicut in the same year. " +
		"In the early 1930s, the German auto industry was still largely composed of luxury models in Berlin.\n"
	checkArticle(t, article, func(q Question) string {
		switch {
		case slices.Contains(q.Accepted, "Harvard-Smithsonian CfA"), slices.Contains(q.Accepted, "Milky Way") && q.Answer != "Milky Way":
			return "an accepted answer that is another thing"
		case strings.Contains(q.Source, "it was decided"), strings.Contains(q.Source, "In total"),
			strings.Contains(q.Prompt, "Who was the Bishop of London"), strings.Contains(q.Prompt, "a alpha"):
			return "leans on what came before, or copies a slip"
		case q.Type == FillBlank && strings.Contains(q.Prompt, "_____ empire"):
			return "a typed adjective with synonyms"
		case q.Type == TrueFalse && !q.Truth && (strings.Contains(q.Prompt, "in 1497") || strings.Contains(q.Prompt, "in 1499") ||
			strings.Contains(q.Prompt, "1920s") || strings.Contains(q.Prompt, "1940s")):
			return "a false statement too near the truth to be plainly false"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "Galileo") })
}

// TestReferentsAndNameSlots: an "It" two sentences from the subject's
// name is not taken for the subject unless the "It" between was; a blank
// does not take half of "the War of the Grand Alliance", nor a possessive
// slot that another name fills as well.
func TestReferentsAndNameSlots(t *testing.T) {
	article := "= Volkswagen =\n\n" +
		"Volkswagen is a German automaker founded in 1937 in Berlin. " +
		"Volkswagen released a limited edition Beetle in 1978 for the American market. " +
		"It was marketed as the Baja Champion in the United States and as the Marathon in Europe. " +
		"It featured unique metallic blue paint and 15-inch magnesium wheels made in Wolfsburg. " +
		"Internationally, the company's growth was related to the War of the Grand Alliance on mainland Europe. " +
		"Other models in Wolfgang Bernhard's product offensive include the Tiguan in 2008 and a Passat Coupé. " +
		"So Russell put the Prince to explain himself what he intended to do in 1688.\n"
	checkArticle(t, article, func(q Question) string {
		switch {
		case strings.Contains(q.Prompt, "Volkswagen featured"):
			return "the car's sentence given the company as its subject"
		case strings.Contains(q.Prompt, "War of the _____"):
			return "half a name"
		case q.Type == FillBlank && strings.Contains(q.Prompt, "_____'s product"):
			return "a possessive slot typed"
		case strings.HasPrefix(q.Source, "So "):
			return "a sentence opening on \"So\""
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "founded in 1937") })
}

// TestCommonWordsAreNoNames: a capitalised opening word the article
// writes in lower case elsewhere, a hedge before a number and a lone
// initial are not names to ask for.
func TestCommonWordsAreNoNames(t *testing.T) {
	article := "= Malaria =\n\nMalaria is a disease spread by mosquitoes in Africa and Asia. " +
		"Coinfection of HIV with malaria increases mortality in Africa in 2010. " +
		"Chloroquine-resistant P. falciparum has spread to most malarial areas of Asia by 2012. " +
		"Approximately 90% of both cases and deaths occurred in Africa in 2015. A coinfection is common.\n"
	checkArticle(t, article, func(q Question) string {
		switch q.Answer {
		case "Coinfection of HIV", "P.", "Approximately 90":
			return "no name"
		}
		return ""
	}, func(q Question) bool { return q.Answer == "2015" })
}

// TestNinthReviewPatterns: no country from the article or the word lists
// that did not exist at the stem's time, no stem opening on "For
// example", no lone "League" of a longer name.
func TestNinthReviewPatterns(t *testing.T) {
	article := "= William Howard Taft =\n\n" +
		"William Howard Taft was the 27th president of the United States, elected in 1908. " +
		"Through the 1903 separation of Panama from Colombia, the United States secured rights to build a canal. " +
		"Taft visited Brazil, Argentina, Peru, Venezuela, Chile and Guyana on a long journey in 1925. " +
		"For example, over the past 200 years large areas of forest in Mexico have been cleared for coffee. " +
		"After leaving office in 1913, Taft led the League to Enforce Peace in Washington.\n"
	a := mustParse(t, []byte(article))
	facts := ExtractFacts(a)
	g := newGenerator(a, facts)
	options := 0
	for i := range facts {
		if f := &facts[i]; f.Text == "Colombia" {
			for _, o := range g.distractors(f, f.Text, "") {
				options++
				if founded, ok := modernStates[o]; ok && founded > 1903 {
					t.Errorf("%s, founded in %d, offered for Colombia in 1903", o, founded)
				}
			}
		}
	}
	if options < 3 {
		t.Errorf("%d options for Colombia, want 3 or more", options)
	}
	checkArticle(t, article, func(q Question) string {
		if strings.HasPrefix(q.Source, "For example") || q.Answer == "League" || q.Answer == "Enforce Peace" {
			return "leans back, or half a name"
		}
		return ""
	}, func(q Question) bool { return q.Answer == "1908" })
}

// TestHeldOutReviewPatterns: the failures of the review of the held-out
// articles, each in a minimal article.
func TestHeldOutReviewPatterns(t *testing.T) {
	article := "= Smallpox =\n\n" +
		"Smallpox was an infectious disease caused by the variola virus, last seen in Somalia in 1977. " +
		"As recently as 1967, 15 million cases occurred a year in Africa and Asia. " +
		"The Alps stretch in a 800 km arc from Nice to Vienna across Europe in 1800. " +
		"Dickens wrote the serial publication ofThe Pickwick Papers in London in 1836. " +
		"Faraday's life was the subject of Cosmos: A Spacetime Odyssey, broadcast by Fox in 2014. " +
		"One is small, 59 centimetres long and 14 centimetres high, painted in Florence in 1472. " +
		"A report on inoculation reached the Royal Society in London in 1700. " +
		"The Ionian Revolt began in 499 BC in Miletus, lasting from 499 to 493 BC. " +
		"Leonardo was apprenticed to the artist Andrea di Cione, known as Verrocchio, in Florence in 1466.\n"
	checkArticle(t, article, func(q Question) string {
		switch {
		case strings.Contains(q.Source, "As recently as") && q.Kind == KindDate, strings.Contains(q.Source, "a 800"), strings.Contains(q.Source, "ofThe"),
			strings.HasPrefix(q.Source, "One is"), strings.Contains(q.Prompt, "A _____"):
			return "leans back, copies a slip or blanks half a title"
		case q.Answer == "1700" && q.Type == MultipleChoice && slices.ContainsFunc(q.Options, func(o string) bool { return strings.HasSuffix(o, "00") && o != "1700" }):
			return "round centuries beside an exact year"
		case q.Type == TrueFalse && !q.Truth && strings.Contains(q.Prompt, "lasting from 499 to 493") &&
			(strings.Contains(q.Prompt, "in 496") || strings.Contains(q.Prompt, "in 497") || strings.Contains(q.Prompt, "in 495") || strings.Contains(q.Prompt, "in 494")):
			return "a false year inside the span the stem gives"
		case q.Type == FillBlank && strings.Contains(q.Prompt, "known as Verrocchio"):
			return "the stem holds an accepted answer"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "variola") })
}

// TestEleventhReviewPatterns: a false statement is not made by moving the
// year of a statistic; a person-like name of a war or a cup gives no
// "surname"; an ordering item comes from a sentence with one date; the
// second of a pair of model numbers is no quantity; an aside that begins
// with "of" stays.
func TestEleventhReviewPatterns(t *testing.T) {
	article := "= Pneumonia =\n\n" +
		"Pneumonia is an inflammatory condition of the lung, first described by Hippocrates in 460 BC. " +
		"In 2015, pneumonia was the most common reason for admission to hospitals in the United States. " +
		"Historians divide the war into three phases: the Edwardian War; the Caroline War; and the Lancastrian War. " +
		"Kyoto hosts notable horse races including the Spring Tenno Sho and Queen Elizabeth II Commemorative Cup in 1976. " +
		"Texas Instruments made the chips of the Atari 400/800 computers in Dallas in 1979. " +
		"It is the seventh (of nine current) Bahá'í Houses of Worship, opened in Apia in 1984.\n"
	checkArticle(t, article, func(q Question) string {
		switch {
		case q.Type == TrueFalse && !q.Truth && strings.Contains(q.Prompt, "most common reason"):
			return "a statistic's year moved"
		case slices.Contains(q.Accepted, "War") || slices.Contains(q.Accepted, "Cup"):
			return "a common noun accepted as a surname"
		case strings.Contains(q.Prompt, "400/_____"):
			return "a model number asked as a quantity"
		case strings.Contains(q.Source, "seventh") && strings.Contains(q.Prompt, "seventh Bah"):
			return "the aside its phrase needs was left out"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "Hippocrates") })
}

// TestObjectPronounNeedsAnotherPerson: "him" after the sentence's subject
// is someone of an earlier sentence ("Jane Luu later joined him"), while
// "his" may be the subject's own.
func TestObjectPronounNeedsAnotherPerson(t *testing.T) {
	article := "= Kuiper belt =\n\nThe Kuiper belt is a region of the Solar System beyond Neptune, first found in 1992. " +
		"David Jewitt began searching for it at the Kitt Peak observatory in 1987. " +
		"Jane Luu later joined him to work at the observatory in Arizona in 1988. " +
		"In 2005 the astronomer Michael Brown published his findings on Eris in Pasadena.\n"
	checkArticle(t, article, func(q Question) string {
		if strings.Contains(q.Source, "joined him") {
			return "\"him\" is someone of the sentence before"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "his findings") })
}

// TestTwelfthReviewPatterns: no typed "What does X stand for?", whose
// expansions are as many as the fields a learner knows; a small count the
// stem hedges ("at least 2 mines") takes the figure given and no other.
func TestTwelfthReviewPatterns(t *testing.T) {
	article := "= Mars =\n\nMars is the fourth planet from the Sun, visited by Mariner 4 in 1965. " +
		"The Tharsis Lava Shield (TLS) was mapped by the Mars Global Surveyor orbiter in 1999. " +
		"Two Japanese destroyers laid mines off Port Arthur in 1904, each striking at least 2 mines near Dalny.\n"
	checkArticle(t, article, func(q Question) string {
		if q.Type == FillBlank && strings.Contains(q.Prompt, "stand for") {
			return "a typed acronym question"
		}
		if q.Type == Numeric && q.Answer == "2" && q.Tolerance != 0 {
			return fmt.Sprintf("'at least 2 mines' with a tolerance of %v", q.Tolerance)
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "Mariner 4") })
}

// TestThirteenthReviewPatterns: a "BCE" key's options are written "BCE"
// too; no blank takes the first half of "the International Agency for
// Research on Cancer"; no number after "half" ("half a million").
func TestThirteenthReviewPatterns(t *testing.T) {
	article := "= Ashoka =\n\nAshoka was an Indian emperor of the Maurya dynasty who ruled from 268 to 232 BCE in India. " +
		"The empire of the Mauryas ended with the assassination of Brihadratha in 185 BCE at Pataliputra. " +
		"The International Agency for Research on Cancer classified arsenic in 1980 in Lyon. " +
		"The computer was built from half a million pieces in Manchester in 1951.\n"
	checkArticle(t, article, func(q Question) string {
		if q.Answer == "185 BCE" {
			for _, o := range q.Options {
				if !strings.HasSuffix(o, " BCE") {
					return fmt.Sprintf("option %q beside the key %q", o, q.Answer)
				}
			}
		}
		if strings.Contains(q.Prompt, "_____ for Research") || strings.Contains(q.Prompt, "half _____") {
			return "half a name, or half a figure"
		}
		return ""
	}, func(q Question) bool { return q.Answer == "185 BCE" && q.Type == MultipleChoice })
}

// TestReferentsWrittenIn: "it" whose sentence before opened on the same
// "it" after a short phrase ("In 2011, it was"), or on the noun the
// article calls its subject by ("The paper did poorly"), is the subject and
// is written in; "his" in an opening phrase before the person it belongs
// to ("Shortly before his death, Atkinson") needs nothing written in.
func TestReferentsWrittenIn(t *testing.T) {
	article := "= Toronto Star =\n\nThe Toronto Star is a Canadian broadsheet daily newspaper. " +
		"In 2011, it was the highest-circulation newspaper in Canada. " +
		"It is owned by Toronto Star Newspapers Ltd., which the publisher Beland Honderich founded in 1958.\n\n" +
		"== History ==\nThe Star was created in 1892 by striking printers, led by Horatio Clarence Hocken. " +
		"The paper did poorly in its first few years. " +
		"It prospered under Joseph Atkinson, editor from 1899 until his death in 1948. " +
		"In 1971, the paper moved to a modern office tower at One Yonge Street. " +
		"Shortly before his death in 1948, Atkinson transferred ownership of the paper to a charitable organization in Toronto.\n"
	var owned, prospered, shortly bool
	checkArticle(t, article, func(q Question) string {
		owned = owned || strings.HasPrefix(q.Prompt, "The Toronto Star is owned by")
		prospered = prospered || strings.Contains(q.Prompt, "The Toronto Star prospered under")
		shortly = shortly || strings.HasPrefix(q.Prompt, "Shortly before his death in")
		if strings.HasPrefix(q.Prompt, "It ") || strings.Contains(q.Prompt, "True or false: It ") {
			return "an opening \"it\" left unresolved"
		}
		return ""
	}, func(q Question) bool { return true })
	if !owned || !prospered || !shortly {
		t.Errorf("written in: owned %v, prospered %v, shortly before his death %v; want all", owned, prospered, shortly)
	}
}

// TestHalfNamesAndDescribingBlanks: no blank takes half of "the
// International Commission on Zoological Nomenclature", "Best Actress in a
// Leading Role" or "Washington, D.C."; no typed blank is a name that only
// describes the noun after it ("nine _____ nominations", "among _____
// newspapers"), where other words fit as well; no stem with "the The", no
// key "UB Is" (a class in the plural) or "C ♯ 6" (a note).
func TestHalfNamesAndDescribingBlanks(t *testing.T) {
	article := "= The Hustler =\n\nThe Hustler is a 1961 American drama film directed by Robert Rossen in New York. " +
		"The Hustler received nine Academy Award nominations in 1962. " +
		"The Star was unique among North American newspapers in its advocacy of the interests of ordinary people in 1920. " +
		"In 1926, the International Commission on Zoological Nomenclature included Canis on its Official Lists. " +
		"Piper Laurie was nominated for Best Actress in a Leading Role in 1962. " +
		"The Hustler had its world premiere in Washington, D.C. on September 25, 1961. " +
		"Guido van Rossum resigned as Benevolent Dictator for Life in July 2018. " +
		"A reviewer for the The New York Dramatic Mirror praised the film in October 1961. " +
		"A total of 20 UB Is were built by Germaniawerft in Kiel in 1915. " +
		"The vocal range in the song spans from the note of E4 to C ♯ 6 in Abbey Road Studios.\n"
	bad := []string{"Academy Award", "North American", "International Commission", "Best Actress", "Leading Role",
		"Washington", "Benevolent Dictator"}
	checkArticle(t, article, func(q Question) string {
		if q.Type == FillBlank && slices.Contains(bad, q.Answer) {
			return fmt.Sprintf("a typed blank for %q", q.Answer)
		}
		if strings.Contains(q.Prompt, "the The") || q.Answer == "UB Is" || strings.Contains(q.Answer, "♯") {
			return "a doubled article, a class's name in the plural or a note as a name"
		}
		return ""
	}, func(q Question) bool { return q.Answer == "Robert Rossen" })
}

// TestOrderingItemsAreEvents: an ordering item is something that happened:
// not a birth or a death (their places in a life give the order away), not
// what did not happen ("had not been promoted"), not what a source said
// ("According to a MTV News article, ..."); the dated events around them
// still make an ordering question.
func TestOrderingItemsAreEvents(t *testing.T) {
	article := "= Clayton Kershaw =\n\nClayton Kershaw is an American baseball pitcher for the Los Angeles Dodgers.\n\n" +
		"== Career ==\nKershaw was born in Dallas, Texas on March 19, 1988. " +
		"On May 24, 2008, the Dodgers bought Kershaw's minor-league contract and added him to the roster. " +
		"On February 7, 2012, Kershaw and the Dodgers agreed on a two-year contract worth 19 million dollars. " +
		"In 2013, the song had not been officially promoted to radio stations in the United States. " +
		"In 2015, according to an ESPN article, Kershaw signed the largest contract for a pitcher. " +
		"On January 15, 2014, Kershaw signed a seven-year contract extension with the Dodgers. " +
		"On June 30, 2016, Kershaw was placed on the disabled list due to back pain. " +
		"In 2020, Kershaw won the World Series with the Dodgers against the Tampa Bay Rays.\n"
	checkArticle(t, article, func(q Question) string {
		if q.Type != Ordering {
			return ""
		}
		for _, it := range q.Order {
			if strings.Contains(it, "born") || strings.Contains(it, "not been") || strings.Contains(it, "according") {
				return fmt.Sprintf("the item %q is no event to order", it)
			}
		}
		return ""
	}, func(q Question) bool { return q.Type == Ordering })
}

// TestFifteenthReviewPatterns: what round 15's reviewers failed, each in
// one sentence: loose tolerances ("nearly 3 billion" within 1, "0.1 ppm"
// within 0.1), counts from an unstated moment ("over the last _____
// decades", "now _____ years old"), slips copied from the source ("One
// January 26", "1 part in 1010", "In 2006, ... has started"), one of two
// alternatives ("August or September 1069"), an example slot ("such as
// Sir _____"), "Among the most notable", "the preceding definition", a
// name cut at a given name that is also a month ("Johann August _____",
// "_____ August Kekulé") and a period before a formation ("the middle
// _____ shale").
func TestFifteenthReviewPatterns(t *testing.T) {
	article := "= Cisco Systems =\n\nCisco Systems is an American technology company headquartered in San Jose, California, founded in 1984.\n\n" +
		"== Notes ==\nTiberius left the imperial treasury with nearly 3 billion sesterces upon his death in 37 AD. " +
		"NIOSH recommends breathing equipment for workers at levels exceeding the recommended exposure limit of 0.1 ppm since 1987. " +
		"Cisco has grown increasingly popular in the Asia-Pacific region over the last three decades. " +
		"Gaius and Lucius were still in their early teens, and Augustus, now 57 years old, had no immediate successor. " +
		"One January 26, 2017, Cisco founded the Innovation Alliance in Germany with eleven other companies. " +
		"Equality of the ET second with the SI second has been verified to within 1 part in 1010 by Hafele in 1971. " +
		"In August or September 1069 a large fleet sent by Sweyn II of Denmark arrived off the coast of England. " +
		"After Europeans, such as Sir Alexander Mackenzie, and Americans started to explore the range, furs drove its economy in 1800. " +
		"Among the most notable are the expeditions of David Thompson, who followed the Columbia River to the Pacific Ocean. " +
		"Johann August Ephraim Goeze originally named the tardigrade kleiner Wasserbär in Quedlinburg in 1773. " +
		"In 1865, the German chemist Friedrich August Kekulé published a paper in French on benzene in Ghent. " +
		"Aysheaia from the middle Cambrian Burgess shale was proposed as a sister taxon by Whittington in 1978. " +
		"In 2006, construction of new plants owned by Sharp Corporation has started in Łysomice near Toruń. " +
		"In 1997, the International Committee for Weights and Measures added that the preceding definition refers to a caesium atom. " +
		"The Star endorsed Ed Broadbent in 1979 and it has been over 40 years since it last endorsed Robert Stanfield in 1972.\n"
	slips := []string{"One January", "part in 1010", "has started", "most notable", "preceding definition", "last _____ decades",
		"now _____ years", "over _____ years since"}
	keys := []string{"Alexander Mackenzie", "Ephraim Goeze", "Friedrich", "Cambrian Burgess"}
	checkArticle(t, article, func(q Question) string {
		for _, s := range slips {
			if strings.Contains(q.Prompt, s) {
				return fmt.Sprintf("a stem with %q", s)
			}
		}
		if (q.Type == FillBlank || q.Type == MultipleChoice) && slices.Contains(keys, q.Answer) {
			return fmt.Sprintf("the key %q: an example, half a name or two names", q.Answer)
		}
		if strings.Contains(q.Source, "August or September") && strings.Contains(q.Answer+q.Prompt, "_____ 1069") ||
			q.Type == TrueFalse && strings.Contains(q.Prompt, "August or") && !q.Truth {
			return "one of two alternatives asked or moved"
		}
		if q.Type == Numeric && (q.Answer == "3" && q.Tolerance != 0 || q.Answer == "0.1" && q.Tolerance >= 0.1) {
			return fmt.Sprintf("%s within %v", q.Answer, q.Tolerance)
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "San Jose") })
}

// TestStemsNameWhatTheyAreAbout: a short stem that names nothing besides
// its answer (no name, no word of the subject, none of the article's main
// actors) has lost what it speaks of: "_____ throws were necessary for a
// win", "In _____, record rainfall was reported"; a law report's citation
// is no sentence. Stems that name what they are about still make
// questions.
func TestStemsNameWhatTheyAreAbout(t *testing.T) {
	article := "= Ancient Olympic Games =\n\nThe Ancient Olympic Games were religious and athletic festivals held at Olympia in Greece from 776 BC. " +
		"Three throws were necessary for a win. " +
		"In Tampa, record rainfall was reported. " +
		"Most range from 0.3 to 0.5 mm in length, although the largest species may reach 1.2 mm. " +
		"The games were held every four years at Olympia in honour of Zeus. " +
		"Xerox Corporation v. Apple Computer, Inc., 734 F. Supp. 1542 was decided in 1990.\n"
	checkArticle(t, article, func(q Question) string {
		for _, s := range []string{"throws were necessary", "record rainfall", "Most range", "F. Supp"} {
			if strings.Contains(q.Prompt, s) {
				return fmt.Sprintf("a stem that names nothing it is about (%q)", s)
			}
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "in honour of Zeus") })
}

// TestFifteenthReviewLeftovers: what round 15's articles still showed
// after its fixes: a model range ("500-series") asked as a count, the
// writer's own division of a subject ("depends on two factors"), half a
// time ("at _____:00 UTC"), an adjective before a noun ("in _____ amber"),
// "In more recent ...", a modern state offered in a Roman sentence, the
// same date asked by a false statement and a blank in one quiz, and a
// tolerance written as 1e+08.
func TestFifteenthReviewLeftovers(t *testing.T) {
	article := "= Cisco Systems =\n\nCisco Systems is an American technology company headquartered in San Jose, California.\n\n" +
		"== History ==\nThe NSA developed JETPLOW for Cisco ASA and 500-series PIX Firewalls in 2013. " +
		"The accuracy of an atomic clock by Cisco depends on two factors. " +
		"BeiDou Time is a continuous time scale starting at 1 January 2006 at 0:00 UTC. " +
		"Rare specimens of Cisco routers in Cretaceous amber have been found in two North American locations. " +
		"In more recent merger deals, Cisco bought Starent Networks in Tewksbury in 2009. " +
		"Since 1967, the second is defined by a transition between two energy levels of the caesium-133 atom in Paris.\n"
	checkArticle(t, article, func(q Question) string {
		switch {
		case q.Type == Numeric && (q.Answer == "500" || q.Answer == "2"):
			return "a model range or the writer's own count asked as a quantity"
		case strings.Contains(q.Prompt, "_____:00"):
			return "half a time"
		case q.Type == FillBlank && q.Answer == "Cretaceous":
			return "an adjective before its noun"
		case strings.Contains(q.Prompt, "more recent"):
			return "more recent than what?"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "JETPLOW") })

	a := mustParse(t, []byte("= Tiberius =\n\nTiberius was Roman emperor from 14 AD to 37 AD, born in Rome in 42 BC. "+
		"Velleius Paterculus served under Tiberius for eight years in Germania and Pannonia in 6 BC.\n"))
	g := newGenerator(a, ExtractFacts(a))
	for _, f := range g.byKind[KindPlace] {
		if f.Text == "Germania" && !g.anachronistic(f, "Netherlands") {
			t.Error("the Netherlands offered in a sentence of 6 BC")
		}
	}

	v := NewVariety(10, false)
	v.Add(Question{Type: MultipleChoice, Kind: KindDate, Prompt: "Cisco Systems was founded in _____ by Leonard Bosack.",
		Answer: "December 1984", Options: []string{"December 1984", "March 1983", "June 1985", "May 1986"},
		Source: "Cisco Systems was founded in December 1984 by Leonard Bosack."})
	tf := Question{Type: TrueFalse, Kind: KindDate, Truth: false,
		Prompt: "True or false: In September 1984, Cisco Systems was founded by Leonard Bosack and Sandy Lerner.",
		Source: "In December 1984, Cisco Systems was founded by Leonard Bosack and Sandy Lerner."}
	if v.Fits(tf, Strict) {
		t.Error("a false statement about the founding date fits beside the blank asking it")
	}

	if got := FormatAnswer(Question{Type: Numeric, Answer: "9,192,631,770", Tolerance: 1e8}); got != "9,192,631,770 (±100,000,000)" {
		t.Errorf("FormatAnswer = %q", got)
	}
}

// TestSixteenthReviewPatterns: a country or capital to name is guessed
// from its cue ("_____ and Saint Petersburg", "the United Kingdom and
// _____"), so it is no blank and no multiple choice; "the League to _____"
// is half a name; "Edward the Confessor" is no lone given name, so his
// sentence is asked.
func TestSixteenthReviewPatterns(t *testing.T) {
	article := "= Leo Tolstoy =\n\nLeo Tolstoy was a Russian writer born at Yasnaya Polyana in 1828. " +
		"Tolstoy spent much of his time in Moscow and Saint Petersburg in 1850. " +
		"Despite migration from places other than the United Kingdom and Ireland, the population of Hobart remains Anglo-Celtic. " +
		"Edward the Confessor died childless in Westminster on 5 January 1066. " +
		"After leaving office in 1913, Taft led the League to Enforce Peace in Washington.\n"
	checkArticle(t, article, func(q Question) string {
		if q.Type != TrueFalse && (q.Answer == "Moscow" || q.Answer == "Ireland") {
			return "a country or capital to name"
		}
		if q.Answer == "Enforce Peace" {
			return "half a name"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "Edward the Confessor") })
}

// TestSixteenthReviewLeftovers: a surname several of the article's people
// share ("Stevenson" beside Robert and Alan Stevenson) says not who; a name
// right after a count is what it counts ("22 _____" for Stanley Cups); an
// adverb that opens a sentence ("Currently") is no name; "A more complete
// description" is more complete than one before it.
func TestSixteenthReviewLeftovers(t *testing.T) {
	article := "= Lighthouse =\n\nA lighthouse is a tower designed to emit light to aid navigation, as at Bell Rock in 1810.\n\n" +
		"== History ==\nRobert Stevenson built the Bell Rock Lighthouse off Angus in 1810. " +
		"Alan Stevenson built the Skerryvore lighthouse off Tiree in 1844. " +
		"Stevenson worked for the Northern Lighthouse Board in Edinburgh for nearly 50 years. " +
		"In 1996, the Habs moved from the Montreal Forum, their home during 70 seasons and 22 Stanley Cups, to Molson Centre. " +
		"Currently, Vietnam is the largest producer of pepper, producing 34% of the Piper nigrum crop. " +
		"A more complete description was given by pathologist Rudolf Virchow in Berlin in 1845.\n"
	checkArticle(t, article, func(q Question) string {
		switch {
		case strings.HasPrefix(q.Source, "Stevenson worked"):
			return "which Stevenson?"
		case q.Answer == "Stanley Cups" || q.Answer == "Currently":
			return fmt.Sprintf("the key %q", q.Answer)
		case strings.Contains(q.Source, "more complete"):
			return "more complete than which?"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "Skerryvore") })
}

// TestSeventeenthReviewPatterns: a mass noun the article opens sentences
// on bare is not "the formaldehyde" in a stem; no undated "Who is the
// mayor?"; nothing after "currently" (it may have changed since); "Of the
// total population" says not of which; a name that begins with the
// subject's own ("Canon Europe") is answered "Canon" by anyone.
func TestSeventeenthReviewPatterns(t *testing.T) {
	article := "= Formaldehyde =\n\nInfobox\n- Mayor: Federico Sboarina\n\n" +
		"Formaldehyde is a naturally occurring organic compound with the formula CH2O, first synthesised in Paris in 1859. " +
		"Formaldehyde is produced industrially in Germany by the catalytic oxidation of methanol. " +
		"It is formed in the metabolism of amino acids and is found in the bloodstream of humans at concentrations of 0.1 millimolar. " +
		"The formaldehyde in the air is broken down by sunlight in London. " +
		"The formaldehyde in water is broken down by bacteria in Tokyo. " +
		"The formaldehyde of the resin escapes in Boston. " +
		"The club is currently owned by Recon Group Limited and managed by Steve Bruce in Birmingham. " +
		"Of the total population, 39.1 million lived in Africa and 24.5 million lived in Asia in 1931.\n"
	checkArticle(t, article, func(q Question) string {
		switch {
		case strings.Contains(q.Prompt, "The formaldehyde is formed"):
			return "\"it\" written in as \"the formaldehyde\""
		case strings.Contains(q.Prompt, "mayor"):
			return "an office held now, undated"
		case q.Answer == "Steve Bruce" || strings.Contains(q.Prompt, "Of the total") || q.Answer == "Canon Europe":
			return fmt.Sprintf("asked: %q", q.Prompt)
		}
		return ""
	}, func(q Question) bool { return strings.HasPrefix(q.Prompt, "Formaldehyde is formed") })

	canon := "= Canon Inc. =\n\nCanon Inc. is a Japanese multinational corporation headquartered in Ōta, Tokyo, founded in 1937. " +
		"On 24 April 2015, Canon Europe announced it had acquired the London-based startup Lifecake.\n"
	checkArticle(t, canon, func(q Question) string {
		if q.Answer == "Canon Europe" {
			return "a name that begins with the subject's"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "founded in 1937") })
}

// TestEighteenthReviewPatterns: a date after "prior to" (or "earlier
// than", "up to") is open-ended: moved later it stays true, so it makes no
// false statement and no options (round 18's wrong key). Nor is asked:
// half of "the Seven Years' War", an item of a list ("West Virginia: all
// but the _____."), "almost 68 years" within 10, the denominator of a
// rate, an ordinal written as a number, a sentence cut at "ltd.".
func TestEighteenthReviewPatterns(t *testing.T) {
	article := "= Epinephrine =\n\nEpinephrine is a hormone and medication first isolated in Tokyo in 1901. " +
		"Bates discovered the use of epinephrine in eye surgery prior to 20 April 1896 in New York. " +
		"The hormone was synthesised by Friedrich Stolz in Höchst in 1904. " +
		"Friedrich Schiller's father was away in the Seven Years' War when Friedrich was born in Marbach in 1759. " +
		"West Virginia: all but the Eastern Panhandle.\n" +
		"Franz Joseph died on 21 November 1916, after ruling his domains for almost 68 years. " +
		"Car ownership in Iceland is among the highest in the world at roughly 522 vehicles per 1,000 residents in 2010. " +
		"The Congress of Vienna was frequently criticized by 19-century historians in Germany. " +
		"Under Rosen's leadership in Tokyo, Sega continued to grow, and in 1969, Gulf and Western made Sega Enterprises, ltd. " +
		"a subsidiary in New York.\n"
	checkArticle(t, article, func(q Question) string {
		switch {
		case strings.Contains(q.Source, "prior to") && (q.Type == TrueFalse || q.Type == MultipleChoice) && q.Kind == KindDate:
			return "a date after \"prior to\" judged or chosen"
		case strings.Contains(q.Prompt, "_____' War"), strings.Contains(q.Source, "West Virginia:"),
			q.Type == Numeric && q.Answer == "68" && q.Tolerance > 3,
			q.Type == Numeric && (q.Answer == "1000" || q.Answer == "1,000" || q.Answer == "19"),
			strings.HasSuffix(q.Prompt, "ltd."):
			return "half a name, a list item, a loose tolerance, a convention, an ordinal or a cut sentence"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "Stolz") })
}

// TestTwentyFirstReviewPatterns: what the pools of 24 fresh articles and
// the A/B of round r21 found (December 2026), each in a minimal article.
func TestTwentyFirstReviewPatterns(t *testing.T) {
	lost := "= Apollo 14 =\n\n" +
		"Apollo 14 was the eighth crewed mission in the United States Apollo program, launched in 1971. " +
		"Shepard and Mitchell collected almost of lunar samples for return to Earth in February 1971. " +
		"Wickwire endured an overnight bivouac about below the summit in August 1978. " +
		"Guinea-Bissau is a country in West Africa that covers with an estimated population of . " +
		"According to , the population of Guinea-Bissau was 518,000 in 1950. " +
		"Modern air travel brings, , 7.6 million visitors annually to the islands of Hawaii. " +
		"A team from the led by Isao Shinkai put three members on the summit on 14 August 1977. " +
		"The British blew them at on 27 March 1916 under the German lines near St Eloi. " +
		"In 1809, the family moved to Hope End, a estate near the Malvern Hills, bought by Edward Barrett. " +
		"File:Bagad.JPG|Bagad of Lann Bihoué from the French Navy, photographed in 2006. " +
		"The CIA World Factbook on Guinea-Bissau, Retrieved 5 February 2012, was quoted by Amílcar Cabral. " +
		"West Face: Technical difficulty at high altitude, first climbed by a Russian team in 2007. " +
		"Alan Shepard commanded the mission, which landed in the Fra Mauro highlands on February 5, 1971.\n"
	names := "= Babur =\n\n" +
		"Babur was the founder of the Mughal Empire in India, born in Andijan in 1483. " +
		"Babur became the ruler of Fergana in 1494 after Umar Sheikh Mirza died in a fall from a dovecote. " +
		"In 1504, Babur married Zaynab Sultan Begum, who died childless within two years. " +
		"Sir Sultan Mahomed Shah, Aga Khan III, was the 48th Imam of the Nizari Ismaili religion from 1885. " +
		"French Foreign Minister Alain Juppé visited Niamey in January 2011 to meet the president of Niger. " +
		"In 1526, Babur defeated the Lodi army at the First Battle of Panipat near Delhi with about 12,000 men. " +
		"The Mughal capital was moved from Agra to Delhi in 1648 under the emperor Shah Jahan.\n"
	checks := []struct {
		name, article string
		bad           func(q Question) string
		good          func(q Question) bool
	}{
		{"a sentence that lost a value or is markup makes no question", lost, func(q Question) string {
			for _, w := range []string{"almost of", "about below", "population of .", "According to ,", ", ,", "from the led",
				"at on", "a estate", "File:", "Retrieved", "West Face:"} {
				if strings.Contains(q.Source, w) {
					return "a broken sentence: " + w
				}
			}
			return ""
		}, func(q Question) bool { return strings.Contains(q.Source, "Fra Mauro") }},
		{"no place, organisation or other name blanked; a title inside a name is no title", names, func(q Question) string {
			if q.Type == FillBlank && strings.Contains(q.Prompt, Blank) && !typedKind(q.Kind) {
				return "a typed " + string(q.Kind)
			}
			if q.Type == MultipleChoice && (q.Kind == KindPlace || q.Kind == KindOrganisation) {
				return "a " + string(q.Kind) + " to choose"
			}
			if q.Type == TrueFalse && (q.Kind == KindPlace || q.Kind == KindNumber) {
				return "a " + string(q.Kind) + " to judge"
			}
			if strings.Contains(q.Prompt, "Sheikh _____") || strings.Contains(q.Prompt, "Sultan _____") {
				return "the last part of a name"
			}
			return ""
		}, func(q Question) bool { return q.Answer == "Alain Juppé" }},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) { checkArticle(t, c.article, c.bad, c.good) })
	}
}

// TestNumberOptionShapes: a number's options are not always half, one and
// a half and twice the key, with the key second smallest of four.
func TestNumberOptionShapes(t *testing.T) {
	ranks := map[int]int{}
	for i := range 40 {
		text := fmt.Sprintf("= Fleet =\n\nThe fleet of Admiral Jones sailed in 1805 with %d ships of the line from Portsmouth.\n", 120+37*i)
		for _, q := range generateFrom(t, text) {
			if q.Type != MultipleChoice || q.Kind != KindNumber {
				continue
			}
			vals := make([]float64, 0, len(q.Options))
			for _, o := range q.Options {
				v, ok := ParseNumber(strings.Fields(o)[0])
				if !ok {
					t.Fatalf("option %q is no number", o)
				}
				vals = append(vals, v)
			}
			key, _ := ParseNumber(strings.Fields(q.Answer)[0])
			slices.Sort(vals)
			ranks[slices.Index(vals, key)]++
		}
	}
	if len(ranks) < 3 {
		t.Errorf("the key's place among the sorted options: %v, want at least three places", ranks)
	}
}

// TestTwentySecondReviewPatterns: what round r21's blind A/B still found
// in the questions of 4911fa1, each in a minimal article.
func TestTwentySecondReviewPatterns(t *testing.T) {
	article := "= Nauru =\n\n" +
		"Nauru is an island country in Micronesia, annexed by Germany in 1888. " +
		"Nauru became self-governing in January 1966, and following a two-year constitutional convention, it became independent in 1968. " +
		"Marcia Barrett has released two solo albums with a third scheduled for release in 2010. " +
		"Lewis believes that it was his farsighted certainty that won the war in 1896. " +
		"According to Athenaeus, the Syracusia was built in 240 BC for Hiero II. " +
		"Around the year 1590 Galileo Galilei invented a hydrostatic balance for weighing metals. " +
		"By at least 1200 BC the first camel saddles had appeared in Arabia. " +
		"Reynolds' annotated copy was lost for nearly 200 years until it appeared in a Cambridge bookshop, inscribed with the signature ‘J. " +
		"Unable to agree on the 3,225 kilometre- long Himalayan border, China and India went to war in 1962. " +
		"In particular, the 1997 observation by Skulan and DePaolo showed lighter isotopes in 1997. " +
		"The technology was developed by Italian physicist Federico Faggin in 1968. " +
		"The coldest month was February 1985 in Vittangi with a mean of −27.2 °C. " +
		"Phosphate mining on Nauru began in 1907 under the Pacific Phosphate Company.\n\n" +
		"== Bibliography ==\n\nHoward Eiland and Kevin McLaughlin translated the Arcades Project for Belknap in 1999.\n"
	checkArticle(t, article, func(q Question) string {
		switch {
		case q.Answer == "2" && strings.Contains(q.Source, "self-governing"):
			return "the stem gives 1966 and 1968"
		case q.Answer == "2" && strings.Contains(q.Source, "a third"):
			return "'with a third' gives two"
		case q.Answer == "Lewis", q.Answer == "Athenaeus":
			return "a commentator or a source"
		case strings.Contains(q.Source, "Galileo") && q.Type == TrueFalse && !q.Truth, strings.Contains(q.Source, "Galileo") && q.Type == MultipleChoice:
			return "around the year 1590: a near year is true too"
		case strings.Contains(q.Source, "saddles"):
			return "by at least 1200 BC: later years are true too"
		case strings.Contains(q.Source, "‘J."), strings.Contains(q.Source, "kilometre- long"):
			return "a sentence cut in a quotation or a hyphen left hanging"
		case strings.HasPrefix(q.Source, "In particular"), strings.HasPrefix(q.Source, "The technology"):
			return "leans on its paragraph"
		case strings.Contains(q.Source, "Eiland"):
			return "a line of the bibliography"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "coldest") })
	// the sentences that stand alone still make questions
	qs := generateFrom(t, article)
	for _, want := range []string{"Phosphate mining", "annexed by Germany"} {
		if !slices.ContainsFunc(qs, func(q Question) bool { return strings.Contains(q.Source, want) }) {
			t.Errorf("no question on %q", want)
		}
	}
}

// TestTwentyThirdReviewPatterns: what round r22's blind review found in
// a47c520's questions, each in a minimal article.
func TestTwentyThirdReviewPatterns(t *testing.T) {
	article := "= E. E. Cummings =\n\n" +
		"Edward Estlin Cummings was an American poet, born in 1894 in Cambridge, Massachusetts. " +
		"In 1917, with the First World War ongoing in Europe, Cummings enlisted in the Norton-Harjes Ambulance Corps. " +
		"Following the end of the First World War, Cummings moved to Paris in 1921. " +
		"On 9 August 48 BC at Pharsalus in central Greece, Gaius Julius Caesar formed up opposite the army of Pompey. " +
		"Anyone who works with the metal should wear rubber gloves, as Cummings learned in 1930. " +
		"In the first century AD, the Roman writer Pliny the Elder wrote of Tylos in his Natural History. " +
		"Representing the British were native agents from minorities such as Persians or Huwala in 1850. " +
		"The boards include the Water Authority, the University College Board of Governors, and the Port Authority, all founded in 1970.\n"
	checkArticle(t, article, func(q Question) string {
		for _, o := range append(slices.Clone(q.Options), q.Prompt) {
			if strings.Contains(o, "-48") {
				return "a BC year written -48"
			}
		}
		if q.Type == Ordering {
			return ""
		}
		if strings.Contains(q.Source, "ongoing") {
			for _, o := range q.Options {
				if y, _ := ParseNumber(o); y < 1914 || y > 1918 {
					return "a year outside the war the stem names: " + o
				}
			}
			if q.Type == TrueFalse && !q.Truth && !slices.ContainsFunc([]string{"1914", "1915", "1916", "1918"}, func(y string) bool { return strings.Contains(q.Prompt, y) }) {
				return "a false year outside the war: " + q.Prompt
			}
		}
		if strings.Contains(q.Source, "Following the end") {
			for _, o := range q.Options {
				if y, _ := ParseNumber(o); y <= 1918 {
					return "a year before the war's end: " + o
				}
			}
		}
		switch {
		case q.Answer == "Anyone":
			return "an indefinite pronoun as a person"
		case q.Answer == "Elder":
			return "an epithet, half a name"
		case q.Answer == "Huwala":
			return "the last item of a 'such as' list"
		case strings.HasPrefix(q.Prompt, "What is the University College"):
			return "a list item read as a description"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "ongoing") && q.Type == MultipleChoice })
}

// TestTwentyFourthReviewPatterns: what round r23's blind review found in
// 1b43085's questions, each in a minimal article.
func TestTwentyFourthReviewPatterns(t *testing.T) {
	article := "= Cable car =\n\n" +
		"A cable car is a tramway pulled by a moving cable, first built in San Francisco in 1873. " +
		"In 1869 P. G. T. Beauregard demonstrated a cable car at New Orleans and was issued . " +
		"Grimm was a noted expert in of Roman law at Marburg in 1802. " +
		"Median lifespan based on a UK Kennel Club survey is 9 years 1 month. " +
		"Second and more important, the Goths crossed the Danube in 250 under their king Cniva. " +
		"On the 1st of April, 2019 Hexion filed for Chapter 11 bankruptcy in Delaware. " +
		"The Market Street line in San Francisco closed in 1954 after 81 years of service.\n"
	checkArticle(t, article, func(q Question) string {
		switch {
		case strings.Contains(q.Source, "issued ."), strings.Contains(q.Source, "in of"):
			return "text the copy broke"
		case q.Answer == "1" || q.Answer == "1 month":
			return "a count of one the noun gives"
		case strings.HasPrefix(q.Source, "Second and"):
			return "the next point of a list the paragraph began"
		case q.Type == MultipleChoice && strings.Contains(q.Source, "1st of April"):
			return "a day written '1st of April' among options written otherwise"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "Market Street") })
}

// TestTwentyFifthReviewPatterns: what round r24's blind review found in
// daee3f6's questions, each in a minimal article.
func TestTwentyFifthReviewPatterns(t *testing.T) {
	article := "= Battle of Khazir =\n\n" +
		"The Battle of Khazir was fought in August 686 near Mosul between the Umayyads and the forces of al-Mukhtar. " +
		"He placed Sufyan ibn Yazid al-Azdi in command of the right wing, Ali ibn Malik al-Jushami in command of the left wing in 686. " +
		"In the early 19th century the population grew rapidly, owing to the abundance of coal and iron ore,: the population was 1,486 in 1801. " +
		"By 1559 the Germany city of Aachen alone was capable of producing 300,000 cwt of brass per year. " +
		"New 8086 family products boost processor performance by 50 percent, Intel Preview Special Issue, page 19, May 1980. " +
		"The first, a pre-season match-up between the Chicago White Sox and Minnesota Twins, drew more than 51,000 spectators in 1991. " +
		"''The Third and Last Booke of Songs was published by Dowland in 1603 in London. " +
		"Ibn al-Ashtar defeated Ubayd Allah ibn Ziyad near the Khazir River on 6 August 686.\n"
	checkArticle(t, article, func(q Question) string {
		for _, w := range []string{"He placed", "ore,:", "Germany city", "page 19", "The first,", "''"} {
			if strings.Contains(q.Source, w) {
				return "broken or leaning text: " + w
			}
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "Ubayd Allah") })
}

// TestTwentySixthReviewPatterns: what the reviewers of round t26 (25
// questions served for each of 12 fresh articles, one reviewer each)
// failed: text the copy broke ("A distance of had been covered", "by.",
// "ship,.", "37in Antium"), a list's last item ("included ..., Cody and
// _____"), a main clause on "the animal" after a participle phrase,
// "removed them" with no one for "them", "the series", "An _____
// percent", "Queen _____" in 1897, a company's "Inc." as the key and
// the lines of a works list; while a definite plural the quotation after
// it names ("The terms "Paleolithic" and "Neolithic" were introduced")
// is asked.
func TestTwentySixthReviewPatterns(t *testing.T) {
	article := "= Mesolithic =\n\n" +
		"The Mesolithic is the period between the Upper Paleolithic and the Neolithic in Europe. " +
		"A distance of had been covered in five weeks by the army of Marlborough in 1704. " +
		"The tower is now taller than the Chrysler Building by. " +
		"The crew landed safely in the Pacific Ocean at 19:24 in 1972, from the recovery ship,. " +
		"Nero was born Lucius Domitius Ahenobarbus on 15 December 37in Antium in Italy. " +
		"Famous visitors to the tower included the Prince of Wales, Sarah Bernhardt, \"Buffalo Bill\" Cody and Thomas Edison. " +
		"Judging by the tooth, the animal measured 1.3 metres long, making it the largest platypus on record. " +
		"Director of Flight Crew Operations Deke Slayton removed them from flight status and replaced them with John Young in 1971. " +
		"In the 1972 novel Cyborg, upon which the series was based, Austin remembers watching the Earth. " +
		"An 80.1 percent stake in Lumileds was sold to Apollo Global Management in 2017. " +
		"Grieg performed at a private concert at Windsor Castle for Queen Victoria and her court in 1897. " +
		"On 21 December 2007, Philips and Respironics, Inc. announced a definitive agreement in Amsterdam. " +
		"The terms \"Paleolithic\" and \"Neolithic\" were introduced by John Lubbock in his work Pre-historic Times in 1865.\n\n" +
		"- Sixty-six Lyric Pieces for piano in ten books, Opp. 12, 38, 43, 47 and 71, composed by Edvard Grieg.\n"
	checkArticle(t, article, func(q Question) string {
		for _, w := range []string{"of had", "Building by", "ship,", "37in", "Famous visitors", "the animal", "removed them", "the series", "Lyric Pieces"} {
			if strings.Contains(q.Source, w) {
				return "broken or leaning text: " + w
			}
		}
		if q.Answer == "Victoria" && q.Type == FillBlank || q.Answer == "Inc." || q.Answer == "Inc" {
			return "a key anyone gives"
		}
		if strings.HasPrefix(q.Answer, "80") {
			return "\"An _____ percent\" says the figure's first sound"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "John Lubbock") })
}

// TestNoOneBeforePlural: no "one" among the options of a count of a
// plural noun ("one molar teeth").
func TestNoOneBeforePlural(t *testing.T) {
	for _, text := range []string{"3 molar teeth", "2 men", "four votes"} {
		f := &Fact{Kind: KindNumber, Text: text, Sentence: "It had " + text + " in 1900."}
		v, _ := strconv.ParseFloat(strings.Fields(text)[0], 64)
		if v == 0 {
			v = 4
			f.spelled = true
		}
		f.value = v
		f.span = Span{0, len(strings.Fields(text)[0])}
		for _, d := range numberDistractors(f) {
			if n := strings.Fields(d)[0]; n == "1" || n == "one" {
				t.Errorf("%q: distractor %q", text, d)
			}
		}
	}
}

// TestLifespanWithOneEra: "15 December 37 – 9 June 68 AD" is a life of
// 37 to 68, and a date distractor for an event in it stays inside.
func TestLifespanWithOneEra(t *testing.T) {
	if got := eraStart("Latin: Nero; 15 December 37 – 9 June 68 AD", 68); len(got) != 1 || got[0] != 37 {
		t.Errorf("eraStart = %v, want [37]", got)
	}
	if got := eraStart("100 – 44 BC", -44); len(got) != 1 || got[0] != -100 {
		t.Errorf("eraStart BC = %v, want [-100]", got)
	}
	article := "= Nero =\n\nNero (Latin: Nero Claudius Caesar; 15 December 37 – 9 June 68 AD) was the last Roman emperor of the Julio-Claudian dynasty. " +
		"Nero became emperor in 54 AD with the consent of the Praetorian Guard. " +
		"In 59 AD Nero had his mother Agrippina executed. " +
		"A great fire burned much of Rome in 64 AD. " +
		"In 68 AD Vindex, governor of the Gaulish territory Gallia Lugdunensis, rebelled against Nero.\n"
	checkDateOptions(t, article, func(y int) bool { return y >= 37 && y <= 68 }, "outside Nero's life")
}

// checkDateOptions checks the options of an article's multiple choice
// questions on dates, two at least: each year one of them names must
// pass fits, or the test fails saying it is why.
func checkDateOptions(t *testing.T, article string, fits func(year int) bool, why string) {
	t.Helper()
	asked := 0
	for _, q := range generateFrom(t, article) {
		if q.Type != MultipleChoice || q.Kind != KindDate {
			continue
		}
		asked++
		for _, o := range q.Options {
			if d := FindDates(o); len(d) == 1 && !fits(d[0].Date.Year) {
				t.Errorf("%q: option %q is %s", q.Prompt, o, why)
			}
		}
	}
	if asked < 2 {
		t.Errorf("%d date questions with options, want 2 or more", asked)
	}
}

// TestNothingBeforeFounding: a company's events have no date options
// before the year the lead says it was founded.
func TestNothingBeforeFounding(t *testing.T) {
	article := "= Philips =\n\nPhilips is a Dutch multinational corporation headquartered in Amsterdam. " +
		"It was founded in Eindhoven in 1891 by Gerard Philips and his father Frederik. " +
		"In 1895, after a difficult first few years and near bankruptcy, the Philipses brought in Anton, Gerard's younger brother. " +
		"Philips began making electric shavers in 1939 in Eindhoven.\n"
	checkDateOptions(t, article, func(y int) bool { return y >= 1891 }, "before the company was founded")
}

// TestFamousPersonNotTyped: a person WordNet knows by full name is not
// asked as a typed blank ("Morisot had a close relationship with _____":
// anyone says Manet, and other painters fit), while a person of the
// article's own is.
func TestFamousPersonNotTyped(t *testing.T) {
	article := "= Berthe Morisot =\n\n" +
		"Berthe Morisot was a painter and a member of the circle of painters in Paris who became known as the Impressionists. " +
		"Morisot had a close relationship with Édouard Manet who exerted a tremendous influence on her in 1868. " +
		"After several months, Morisot began to take classes taught by Joseph Guichard in Paris in 1857.\n"
	checkArticle(t, article, func(q Question) string {
		if q.Type == FillBlank && q.Answer == "Édouard Manet" {
			return "a famous person to type"
		}
		return ""
	}, func(q Question) bool { return q.Type == FillBlank && q.Answer == "Joseph Guichard" })
}

// TestNoBoundAsked: a figure after "within" or "exceeding" is a bound
// that other figures meet too, so it is not asked.
func TestNoBoundAsked(t *testing.T) {
	article := "= Hypoglycemia =\n\n" +
		"Hypoglycemia is a fall of blood sugar to levels below normal in the human body. " +
		"Symptoms of hypoglycemia should begin to improve within 5 minutes of taking glucose. " +
		"The Himalayas in Arunachal Pradesh have a number of peaks exceeding 7000 metres in height. " +
		"A study in Boston in 1998 found 42 patients with severe hypoglycemia.\n"
	checkArticle(t, article, func(q Question) string {
		if q.Kind == KindNumber && (strings.Contains(q.Source, "within") || strings.Contains(q.Source, "exceeding")) {
			return "a bound asked as a figure"
		}
		return ""
	}, func(q Question) bool { return q.Kind == KindNumber && strings.Contains(q.Source, "42 patients") })
}

// TestMonthPairEnd: the second month of "In May and June 1940" is the
// other end of a period, not a date to ask on its own (its options held
// "May 1940"), while "on 8 February and 8 March 1865" are two dates.
func TestMonthPairEnd(t *testing.T) {
	article := "= Bordeaux =\n\n" +
		"Bordeaux is a port city on the Garonne in the Gironde department in southwestern France. " +
		"In May and June 1940, Bordeaux was the site of the actions of the Portuguese consul-general Aristides de Sousa Mendes. " +
		"The city council met the Portuguese ambassador at two meetings in the Palais Rohan on 8 February and 8 March 1865.\n"
	checkArticle(t, article, func(q Question) string {
		if strings.Contains(q.Source, "May and June") && q.Kind == KindDate {
			return "half of a period"
		}
		return ""
	}, func(q Question) bool { return q.Answer == "8 March 1865" })
}

// TestTwentySixthHeldOutPatterns: what both reviewers of round r26 (12
// held-out articles) failed and the engine can tell: "was never _____
// percent", "the few remaining _____" for Claudians in a quiz on the
// Julio-Claudian dynasty, "Chapter 11, shloka _____", "Archaeologists
// believe it is _____ years old", a total its parts each give, a figure
// the stem already holds, "Queen Elizabeth The Queen _____", "for over
// _____ years ... has been used", "from _____ teams to eight"; and a
// year the sentence names as a word ("the League's 1900 contraction")
// bounds the options of its date.
func TestTwentySixthHeldOutPatterns(t *testing.T) {
	article := "= Julio-Claudian dynasty =\n\n" +
		"The Julio-Claudian dynasty was the first Roman imperial dynasty, founded by Augustus in 27 BC. " +
		"Wagner injured his right leg in September 1903 and was never 100 percent for the post-season in Pittsburgh. " +
		"Rubellia Bassa was one of the few remaining Claudians who survived the downfall of the first imperial family in Rome. " +
		"Kotirudra Samhita of Shiva Purana, Chapter 11, shloka 18 refers to the place as Nayapala city in Nepal. " +
		"Archaeologists believe it is 2000 years old, according to a study in Kathmandu. " +
		"The frieze of the temple contained 92 metopes, fourteen each on the east and west sides, thirty-two each on the north and south sides. " +
		"On 9 December 2008, Sony announced that it would be cutting 8,000 jobs, dropping 8,000 contractors in Japan. " +
		"The frame of the Crown of Queen Elizabeth The Queen Mother, manufactured for her coronation in London, is made of platinum. " +
		"In medicine for over 130 years, nitroglycerin has been used as a potent vasodilator in Europe. " +
		"The National League shrank in 1900 from twelve teams to eight in the United States. " +
		"In 1901, Ban Johnson formed the American League to take advantage of the National League's 1900 contraction in Chicago. " +
		"Tiberius became emperor in 14 AD after the death of Augustus in Nola.\n"
	checkArticle(t, article, func(q Question) string {
		for _, w := range []string{"never 100", "Claudians", "shloka", "Archaeologists", "92 metopes", "8,000 contractors", "Queen Mother", "over 130", "twelve teams"} {
			if strings.Contains(q.Source, w) && (q.Kind == KindNumber || strings.Contains(q.Answer, strings.Fields(w)[len(strings.Fields(w))-1])) {
				return "a blank the stem or common speech gives away: " + w
			}
		}
		if q.Answer == "1901" && q.Type == MultipleChoice {
			for _, o := range q.Options {
				if y, err := strconv.Atoi(o); err == nil && y <= 1900 {
					return "an option before the stem's own 1900"
				}
			}
		}
		return ""
	}, func(q Question) bool { return q.Answer == "14 AD" || strings.Contains(q.Source, "Tiberius") })
}

// TestOrderingItemsOpenApart: an ordering question does not hold two
// items that open on the same four words ("At Huntington Avenue Baseball
// Grounds, ..." three times): lines of one kind, not events told apart.
func TestOrderingItemsOpenApart(t *testing.T) {
	article := "= 1903 World Series =\n\n" +
		"The 1903 World Series was the first modern World Series in American baseball. " +
		"At Huntington Avenue Baseball Grounds the Pirates won the first game of the series in 1901. " +
		"At Huntington Avenue Baseball Grounds the Americans tied the series at one game each in 1902. " +
		"At Huntington Avenue Baseball Grounds the Americans won the deciding eighth game in 1903. " +
		"The American League was formed by Ban Johnson in Chicago in 1894. " +
		"The National League shrank its membership to eight clubs in Pittsburgh in 1899. " +
		"Barney Dreyfuss bought the Pittsburgh Pirates from their previous owners in 1900. " +
		"The two leagues signed a peace agreement in Cincinnati in 1904.\n"
	for _, q := range generateFrom(t, article) {
		if q.Type != Ordering {
			continue
		}
		seen := map[string]bool{}
		for _, it := range q.Order {
			ws := strings.Fields(it)
			open := strings.Join(ws[:min(4, len(ws))], " ")
			if seen[open] {
				t.Errorf("two items open on %q: %q", open, q.Order)
			}
			seen[open] = true
		}
	}
}

// TestDateBeforeClauseIsNoListItem: "In 1951, David A. Huffman and his
// classmates ..." opens on a date, not on the first item of a list of
// names ("Angola, Ghana and Togo"), and its year is asked.
func TestDateBeforeClauseIsNoListItem(t *testing.T) {
	article := "= Huffman coding =\n\n" +
		"Huffman coding is an algorithm for lossless data compression developed by David A. Huffman. " +
		"In 1951, David A. Huffman and his MIT information theory classmates were given the choice of a term paper or a final exam. " +
		"At the 2nd Congress of the RSDLP, which was held in Brussels and then London during August 1903, Lenin and Julius Martov disagreed over the membership rules. " +
		"The countries of the region are Angola, Ghana and Togo in West Africa.\n"
	checkArticle(t, article, func(q Question) string {
		if q.Answer == "Angola" {
			return "the first item of a list"
		}
		return ""
	}, func(q Question) bool { return q.Answer == "1951" })
	checkArticle(t, article, func(q Question) string { return "" }, func(q Question) bool { return q.Answer == "August 1903" })
}

// TestTownIsTheCity: in an article on a town, "the city" is the town
// itself, and a clause after "and also" leans on nothing outside the
// sentence; both are asked.
func TestTownIsTheCity(t *testing.T) {
	article := "= Aarau =\n\n" +
		"Aarau is a town, a municipality, and the capital of the northern Swiss canton of Aargau. " +
		"The city was linked up to the Swiss Central Railway in 1856. " +
		"The establishment of the Aarau School Board in 1868 brought about an extension of schooling and also intensified religious rivalries.\n"
	checkArticle(t, article, func(q Question) string { return "" }, func(q Question) bool { return q.Answer == "1856" })
	checkArticle(t, article, func(q Question) string { return "" }, func(q Question) bool { return q.Answer == "1868" })
}

// TestTwentySeventhReviewPatterns: what both reviewers of round r27 failed
// and a rule can tell: "The city repeated the act", "the duke's motive in
// joining the plot", "June 1971 ... less than _____ months ... December
// 1972" (the dates give 18), "two summers ... in _____ and ... in 1953",
// a band around the key that takes the stem's own figure ("102.3 by
// _____ miles", 103.9 ± 5), and "Oct1" in a table read as a date.
func TestTwentySeventhReviewPatterns(t *testing.T) {
	article := "= Perth =\n\n" +
		"Perth is the capital and largest city of the Australian state of Western Australia. " +
		"The city repeated the act as John Glenn passed overhead on the Space Shuttle in 1998. " +
		"No chronicles tell of the duke's motive in joining the plot, although Charles Ross proposes that Buckingham was trying to distance himself in 1483. " +
		"In June 1971, Frank O'Farrell was appointed as manager, but lasted less than 18 months before being replaced by Tommy Docherty in December 1972. " +
		"Snyder worked for two summers as a fire lookout, on Crater Mountain in 1952 and Sourdough Mountain in 1953. " +
		"Once the third stage cut out, Apollo 9 entered a parking orbit of 102.3 by 103.9 miles above the Earth. " +
		"The promoter binds the glucocorticoid receptor, Oct1 Z and Pax4 in the pancreas of mice. " +
		"Perth hosted the Commonwealth Games in 1962 at Perry Lakes Stadium.\n"
	checkArticle(t, article, func(q Question) string {
		for _, w := range []string{"the act", "the plot", "Oct1"} {
			if strings.Contains(q.Source, w) {
				return "leaning or misread: " + w
			}
		}
		if strings.Contains(q.Source, "18 months") && q.Kind == KindNumber || strings.Contains(q.Prompt, "Crater Mountain in _____") ||
			strings.Contains(q.Prompt, "October 1") {
			return "derivable from the stem, or a misread date"
		}
		if q.Type == Numeric && q.Answer == "103.9" && q.Tolerance >= 1.6 {
			return "the band takes 102.3"
		}
		return ""
	}, func(q Question) bool { return q.Answer == "1962" })
}

// TestAppositiveIsNoList: a name between commas with the sentence going
// on in lower case is an appositive ("Reinhardt's second son, Babik,
// became a guitarist"), not an item of a list, and is asked.
func TestAppositiveIsNoList(t *testing.T) {
	article := "= Django Reinhardt =\n\n" +
		"Django Reinhardt was a Belgian-born Romani-French jazz guitarist and composer. " +
		"In 1941, they treated a policeman, Albert Alexander, with a severe face infection in Oxford. " +
		"The members were Stéphane Grappelli, Louis Vola, Roger Chaput and Joseph Reinhardt in Paris.\n"
	checkArticle(t, article, func(q Question) string {
		if q.Answer == "Louis Vola" || q.Answer == "Roger Chaput" {
			return "an item of a list"
		}
		return ""
	}, func(q Question) bool { return q.Answer == "Albert Alexander" })
}

// TestTwentyEighthReviewPatterns: what both reviewers of round r28 failed
// and a rule can tell: "the temple", "the disaster", "the test", wiki
// markup ("girls{{'}}"), numbers that label ("The '_____ Champions
// squad", "a +_____ oxidation state", "a 1,_____-bridge", "a _____
// hundredth anniversary"), and, in an article on a club, "His permanent
// replacement, _____, lasted ...", whose "His" the name does not resolve.
func TestTwentyEighthReviewPatterns(t *testing.T) {
	article := "= Arsenal F.C. =\n\n" +
		"Arsenal Football Club is a professional football club based in Islington, London, England. " +
		"After an interruption caused by the war, the temple was finished in 409 BC on the Acropolis. " +
		"The Latvian President Andris Berzins described the disaster as a murder in Riga in 2013. " +
		"At the beginning of the century, the classicist Ulrich von Wilamowitz posited that Sappho taught her girls{{'}} in 1913. " +
		"The '53 Champions squad was old, and the club failed to attract strong enough replacements in London. " +
		"Magnesium occurs naturally only in combination with other elements, where it invariably has a +2 oxidation state in nature. " +
		"A reagent is magnesium anthracene with magnesium forming a 1,4-bridge over the central ring in 1985. " +
		"In 1952, the United States Postal Service issued a five hundredth anniversary stamp in Washington. " +
		"His permanent replacement, Bruce Rioch, lasted for only one season, leaving the club after a dispute in 1996. " +
		"Arsenal moved to the Emirates Stadium in Holloway in 2006.\n"
	checkArticle(t, article, func(q Question) string {
		for _, w := range []string{"the temple", "the disaster", "{{", "His permanent"} {
			if strings.Contains(q.Source, w) {
				return "leaning or broken: " + w
			}
		}
		if q.Kind == KindNumber && (strings.Contains(q.Source, "'53") || strings.Contains(q.Source, "+2") || strings.Contains(q.Source, "1,4") ||
			strings.Contains(q.Source, "hundredth")) {
			return "a number that labels"
		}
		return ""
	}, func(q Question) bool { return q.Answer == "2006" })
}

// TestTwentyNinthReviewPatterns: what both reviewers of round r29 failed
// and a rule can tell: a sentence cut after "Brig." ("Gen. John Buford,
// and soon reinforced ..."), "the play", "the award", "the magazine",
// "the story", "Mestwin II. addressed", "What is the predecessor of
// ...?", an open band's start the band before gives ("14-18 ... _____
// years of age and older"), "one twenty-seventh" read as twenty, a stem
// its dropped asides leave broken (":,, and."), "around high, wide", and
// an ordering item ending on a colon.
func TestTwentyNinthReviewPatterns(t *testing.T) {
	if got := SplitSentences("The ridges were held by a division under Brig. Gen. John Buford, and soon by 2 corps. It rained."); len(got) != 2 {
		t.Errorf("SplitSentences split after Brig.: %q", got)
	}
	article := "= Potassium =\n\n" +
		"Potassium is a chemical element with symbol K and atomic number 19 found in the Earth's crust. " +
		"But the play so impressed the director Vladimir Nemirovich-Danchenko that he staged it in 1898. " +
		"Juventus are the only club to have players from their club winning the award in 3 consecutive years. " +
		"Gernsback had his radio station's call letters on the cover of the magazine starting in 1925. " +
		"In a document of 1271 the Pomerelian duke Mestwin II. addressed the Lübeck merchants in the city. " +
		"The adequate intakes are 3,000mg for 14-18-year-old males, and 3,400mg for males that are 19 years of age and older. " +
		"The potassium concentration in seawater is 0.39g/L, about one twenty-seventh the concentration of sodium. " +
		"There are 25 known isotopes of potassium, three of which occur naturally: (93.3%), (0.0117%), and (6.7%). " +
		"Each standing stone is around high, wide and weighing around 25 tons. " +
		"Potassium was first isolated from potash by Humphry Davy in 1807.\n"
	checkArticle(t, article, func(q Question) string {
		for _, w := range []string{"the play", "the award", "the magazine", "Mestwin", "naturally:", "around high"} {
			if strings.Contains(q.Source, w) {
				return "leaning or broken: " + w
			}
		}
		if q.Kind == KindNumber && (strings.Contains(q.Source, "and older") || strings.Contains(q.Source, "twenty-seventh")) {
			return "derivable or misread"
		}
		return ""
	}, func(q Question) bool { return q.Answer == "1807" })
	for _, def := range []string{"the predecessor of Serie A", "the successor of the league"} {
		if definingHead(strings.Fields(def)[1]) {
			t.Errorf("%q is taken for one thing's definition", def)
		}
	}
}

// TestThirtiethReviewPatterns: what both reviewers of round r30 failed
// and a rule can tell: a formula the copy lost ("by using the = rotating
// inversion line"), a locant of a compound ("_____-bromopropanoic acid",
// and round 25's "_____-aminopenicillanic acid"), a stem opening on a
// citation's year ("(2001), the overall ..."), "11 minutes past _____",
// "The second zone, ...", "_____, the editor, ..."; while "The third ascent
// of K2 was in 1978" and "(2²⁰ = 1,048,576)" in an aside are asked.
func TestThirtiethReviewPatterns(t *testing.T) {
	article := "= Ammonia =\n\n" +
		"Ammonia is a compound of nitrogen and hydrogen with the formula NH3 used widely in industry. " +
		"A total of 149 dark cloud positions were surveyed for evidence of dense cores by using the = rotating inversion line of NH3 in 1983. " +
		"The reaction of ammonia with 2-bromopropanoic acid has been used to prepare racemic alanine in 70% yield in Germany. " +
		"(2001), the overall biogeography of ammonia in the Solar System may go back roughly 100 million years. " +
		"In Cologne, the carnival season officially starts on 11 November at 11 minutes past 11 a.m. with a proclamation. " +
		"The second zone, the Green Zone, was reserved for companies within two areas each measuring 12,000 m2 in Marrakesh. " +
		"Stephen Wheeler, the editor, worked Kipling hard in Lahore in 1884. " +
		"The third ascent of K2 was in 1978, via a new route along the Northeast Ridge. " +
		"A 20-bit external address bus provides a 1 MB physical address space (2²⁰ = 1,048,576) in the Intel 8086.\n"
	checkArticle(t, article, func(q Question) string {
		for _, w := range []string{"the = ", "bromopropanoic", "(2001)", "second zone", "the editor"} {
			if strings.Contains(q.Source, w) {
				return "broken, a label or leaning: " + w
			}
		}
		if q.Kind == KindTime && strings.Contains(q.Source, "minutes past") {
			return "half a time"
		}
		return ""
	}, func(q Question) bool { return q.Answer == "1978" })
	checkArticle(t, article, func(q Question) string { return "" }, func(q Question) bool { return strings.Contains(q.Source, "20-bit") })
}

// TestNoCenturyForDecade: a decade's options and false statements are
// never "the 1800s" for the 1820s, which holds it (round r31's wrong key:
// "first used as disinfectants in the 1800s" keyed false).
func TestNoCenturyForDecade(t *testing.T) {
	f := &Fact{Kind: KindDate, Text: "the 1820s", date: Date{Year: 1820, Decade: true}}
	for _, d := range decadeDistractors(f, yearWindow{lo: 0, hi: 1 << 30}) {
		if d == "the 1800s" {
			t.Errorf("decadeDistractors(the 1820s) offers %q", d)
		}
	}
}

// TestOrderingItemsNoStates: no ordering item is a state or a year's
// figures ("The city was a major centre for rock music", "Nairobi had
// 24,000 residents", "More than 6,783,000 visitors visited the city"):
// round r31's reviewers failed half its ordering questions for them.
func TestOrderingItemsNoStates(t *testing.T) {
	article := "= Hamburg =\n\n" +
		"Hamburg is the second-largest city in Germany after Berlin. " +
		"In 1030, King Mieszko II Lambert of Poland burned down the city of Hamburg. " +
		"In 1189, Frederick I granted Hamburg the status of a Free Imperial City. " +
		"In 1842, about a quarter of the inner city was destroyed in the Great Fire. " +
		"In 1960, the city was a major centre for rock music in Europe. " +
		"In 1900, Hamburg had 24,000 residents in its old town. " +
		"In 2016, more than 6,783,000 visitors with 13,822,000 overnight stays visited the city. " +
		"In 1943, Allied bombing raids destroyed much of the city of Hamburg. " +
		"In 1962, the North Sea flood killed 315 people in Hamburg.\n"
	for _, it := range orderingItems(t, article, "five dated events") {
		if strings.Contains(it, "major centre") || strings.Contains(it, "24,000") || strings.Contains(it, "6,783,000") {
			t.Errorf("ordering item %q is no event", it)
		}
	}
}

// orderingItems returns the items of an article's ordering questions,
// failing the test when it makes none (from what, the test says).
func orderingItems(t *testing.T, article, from string) []string {
	t.Helper()
	var items []string
	asked := false
	for _, q := range generateFrom(t, article) {
		if q.Type == Ordering {
			asked = true
			items = append(items, q.Order...)
		}
	}
	if !asked {
		t.Error("no ordering question from " + from)
	}
	return items
}

// TestOrderingItemsStandAlone: an ordering item's sentence passes what a
// blank's stem must ("Range finders of base lengths of were introduced"
// lost a figure), and "United States v. Microsoft" is one sentence.
func TestOrderingItemsStandAlone(t *testing.T) {
	if got := SplitSentences("A judgment was handed down in the case of United States v. Microsoft in 2000. It was appealed."); len(got) != 2 {
		t.Errorf("SplitSentences split after v.: %q", got)
	}
	article := "= Battle of Jutland =\n\n" +
		"The Battle of Jutland was a naval battle fought between Britain's Royal Navy Grand Fleet and the Imperial German Navy's High Seas Fleet. " +
		"In 1905, the Royal Navy began building the battleship HMS Dreadnought at Portsmouth. " +
		"In 1912, range finders of base lengths of were introduced on the battleships of the Grand Fleet. " +
		"In 1914, the First World War broke out between Britain and Germany in Europe. " +
		"In 1915, Admiral von Pohl, commander of the German fleet, fell ill in Wilhelmshaven. " +
		"In 1916, Admiral Reinhard Scheer led the High Seas Fleet out of the Jade Bight. " +
		"In 2016, the centenary of the Battle of Jutland was commemorated in Orkney.\n"
	for _, it := range orderingItems(t, article, "six dated events") {
		if strings.Contains(it, "lengths of were") {
			t.Errorf("ordering item %q is broken text", it)
		}
	}
}

// TestThirtyThirdReviewPatterns: what both reviewers of round r33 failed
// and a rule can tell, all of it text the copy broke: "natural gas are
// about, but", "that of the densest element, osmium, is.", "Gold's most
// stable isomer is with a half-life of", "in medicine., the world's", and
// an ordering item cut at ", which was founded"; while "Kern & Co.,
// founded in 1819" is asked.
func TestThirtyThirdReviewPatterns(t *testing.T) {
	article := "= Gold =\n\n" +
		"Gold is a chemical element with the symbol Au and atomic number 79 found in nature as nuggets. " +
		"Proven sources of natural gas are about, but studies estimate another 540 trillion cubic feet in shale. " +
		"By comparison, the density of lead is 11.34 g/cm³, and that of the densest element, osmium, is. " +
		"Gold's most stable isomer is with a half-life of 2.27 days in the laboratory. " +
		"Certain gold salts are still used as anti-inflammatories in medicine., the world's largest gold producer was China with 440 tonnes in 2017. " +
		"Kern & Co., founded in 1819, was an internationally known instrument manufacturer based in Aarau.\n"
	checkArticle(t, article, func(q Question) string {
		for _, w := range []string{"are about,", "osmium, is.", "is with a half-life", "medicine.,"} {
			if strings.Contains(q.Source, w) {
				return "broken text: " + w
			}
		}
		return ""
	}, func(q Question) bool { return q.Answer == "1819" })
	f := &Fact{Kind: KindEvent, Text: "Thomas Edison was the first honorary fellow of the Acoustical Society of America, which was founded", Sentence: "x"}
	g := testGenerator(t, article)
	if g.eventReadable(f) {
		t.Errorf("ordering item %q is cut off", f.Text)
	}
}

// TestNoFalseYearForState: a sentence that states what held for years
// ("In 1825, the majority of the Five Civilized Tribes were living east of
// the Mississippi") makes no true/false question: moved to 1834 it is as
// true (round r34's two wrong keys).
func TestNoFalseYearForState(t *testing.T) {
	article := "= Indian removal =\n\n" +
		"Indian removal was a policy of the government of the United States in the nineteenth century. " +
		"In 1825, the majority of the Five Civilized Tribes were living east of the Mississippi River in the South. " +
		"President Andrew Jackson signed the Indian Removal Act into law on May 28, 1830 in Washington.\n"
	checkArticle(t, article, func(q Question) string {
		if q.Type == TrueFalse && strings.Contains(q.Source, "were living") {
			return "a year moved in a statement of a state"
		}
		return ""
	}, func(q Question) bool { return strings.Contains(q.Source, "Removal Act") && q.Kind == KindDate })
}
