package questions

import (
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
	qs := generateFrom(t, article)
	leaning := []string{"sisters", "Both vessels", "that evening", "helicopters returned", "thus", "tensions",
		"02:", "_____'s Army", "under _____ team"}
	standing := false
	for _, q := range qs {
		for _, l := range leaning {
			if strings.Contains(q.Prompt, l) {
				t.Errorf("%s leans on an earlier sentence (%q): %q (answer %q)", q.Type, l, q.Prompt, q.Answer)
			}
		}
		standing = standing || strings.Contains(q.Source, "Muscat") || strings.Contains(q.Source, "Mogadishu")
	}
	if !standing {
		t.Errorf("the sentences that stand alone made no question either: %d questions", len(qs))
	}
}

// TestQuizVariety: a quiz of ten from a real article never asks one
// sentence twice, keeps each kind of fact to 30 %,
// and no question names another's answer.
func TestQuizVariety(t *testing.T) {
	for name, data := range allArticles(t) {
		a := mustParse(t, data)
		qs := Generate(a, ExtractFacts(a), Options{Count: 10})
		kinds, sources := map[Kind]int{}, map[string]bool{}
		for i, q := range qs {
			kinds[q.Kind]++
			if sources[q.Source] {
				t.Errorf("%s: sentence asked twice: %q", name, q.Source)
			}
			sources[q.Source] = true
			for j, o := range qs {
				if k := answerKey(o); i != j && k != "" && statesKey(&q, k) {
					t.Errorf("%s: %q gives away the answer of %q (%s)", name, q.Prompt, o.Prompt, o.Answer)
				}
			}
		}
		for k, n := range kinds {
			if n > 3 && len(qs) == 10 {
				t.Errorf("%s: %d questions of kind %s in ten", name, n, k)
			}
		}
	}
}
