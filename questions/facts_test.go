package questions

import (
	"testing"
)

func TestExtractFactsSeed(t *testing.T) {
	a := mustParse(t, readShared(t, "2011_tabankort_raid.txt"))
	facts := ExtractFacts(a)
	has := func(kind Kind, text, subject string) bool {
		for _, f := range facts {
			if f.Kind == kind && f.Text == text && (subject == "" || f.Subject == subject) {
				return true
			}
		}
		return false
	}
	tests := []struct {
		kind          Kind
		text, subject string
	}{
		{KindDate, "January 8, 2011", ""},
		{KindDate, "January 13", ""},
		{KindTime, "10:40 p.m.", ""},
		{KindTime, "4 a.m.", ""},
		{KindNumber, "200 men", ""},
		{KindNumber, "three Nigerien soldiers", ""},
		{KindNumber, "twenty soldiers", ""},
		{KindNumber, "six-man team", ""},
		{KindPerson, "Nicolas Sarkozy", ""},
		{KindPerson, "Alain Juppé", ""},
		{KindPerson, "Frederic Beth", ""},
		{KindPerson, "Vincent Nouzille", ""},
		{KindPlace, "Niamey", ""},
		{KindPlace, "Ouallam", ""},
		{KindPlace, "Ouagadougou", ""},
		{KindPlace, "Toulousain", ""},
		{KindOrganisation, "National Guard of Niger", ""},
		{KindOrganisation, "1st Marine Infantry Parachute Regiment", ""},
		{KindAcronym, "Special Operations Command", "COS"},
		{KindDefinition, "the capital of Niger", "Niamey"},
		{KindInfobox, "January 8, 2011", "Date"},
	}
	for _, tt := range tests {
		if !has(tt.kind, tt.text, tt.subject) {
			t.Errorf("no %s fact %q (subject %q)", tt.kind, tt.text, tt.subject)
		}
	}
	for _, f := range facts {
		if f.Kind == KindPerson && (f.Text == "Niamey" || f.Text == "Mali") {
			t.Errorf("%q typed as a person", f.Text)
		}
		if f.Sentence == "" {
			t.Errorf("fact %+v has no sentence", f)
		}
	}
}

func TestFactKindsAreConsistent(t *testing.T) {
	for name, data := range allArticles(t) {
		t.Run(name, func(t *testing.T) {
			kinds := map[string]Kind{}
			for _, f := range ExtractFacts(mustParse(t, data)) {
				switch f.Kind {
				case KindPerson, KindPlace, KindOrganisation, KindName:
				default:
					continue
				}
				if k, ok := kinds[f.Text]; ok && k != f.Kind {
					t.Errorf("%q is both %s and %s", f.Text, k, f.Kind)
				}
				kinds[f.Text] = f.Kind
			}
		})
	}
}

func TestAcronymsAndAppositives(t *testing.T) {
	tests := []struct {
		sentence      string
		kind          Kind
		subject, text string
	}{
		{"Head of the Special Operations Command (COS) Frederic Beth mobilized 200 men.", KindAcronym, "COS", "Special Operations Command"},
		{"It was founded by the National Aeronautics and Space Administration (NASA) in 1958.", KindAcronym, "NASA", "National Aeronautics and Space Administration"},
		{"The team raided Niamey, the capital of Niger, with the goal of ransom.", KindDefinition, "Niamey", "the capital of Niger"},
		{"They injured Captain Alhadi Ibrahim, a former Tuareg rebel, before driving off.", KindDefinition, "Alhadi Ibrahim", "a former Tuareg rebel"},
	}
	for _, tt := range tests {
		t.Run(tt.subject, func(t *testing.T) {
			a := mustParse(t, []byte("= T =\n\n"+tt.sentence))
			for _, f := range ExtractFacts(a) {
				if f.Kind == tt.kind && f.Subject == tt.subject && f.Text == tt.text {
					return
				}
			}
			t.Errorf("no %s fact %q = %q in %q", tt.kind, tt.subject, tt.text, tt.sentence)
		})
	}
}
