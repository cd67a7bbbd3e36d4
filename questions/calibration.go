package questions

import (
	_ "embed"
	"encoding/json"
	"math"
	"strings"
	"sync"
)

// The score a question is served by is the chance that a teacher accepts
// it: a logistic model over features of the question, fitted on blind
// reviews (testdata/reviews) by questions/internal/calibrate, whose weights
// are calibration.json. Candidates whose chance is under the fitted
// threshold are never served.

//go:embed calibration.json
var calibrationJSON []byte

// Calibration is the fitted model, as calibration.json holds it.
type Calibration struct {
	// Features names each weight, in the order Features returns them.
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
	Bias     float64   `json:"bias"`
	// Threshold is the least chance a served question has.
	Threshold float64 `json:"threshold"`
	// Reviewed is how many reviewed questions the model was fitted on,
	// and Bands the acceptable share of those per band of predicted chance.
	Reviewed int    `json:"reviewed"`
	Bands    []Band `json:"bands"`
	// TypeKind is the acceptable share of the reviewed questions of each
	// type and kind ("true_false/date"), smoothed toward Overall, the share
	// of all of them; Priors names the reviews they come from. The ranking
	// adds the difference to a question's chance: the model's features
	// take type and kind one at a time, and the reviews show that the pair
	// matters (a date to judge true or false passes far more often than a
	// number to choose).
	TypeKind map[string]float64 `json:"type_kind,omitempty"`
	Overall  float64            `json:"overall,omitempty"`
	Priors   []string           `json:"priors,omitempty"`
}

// Band is the reviewed questions whose predicted chance lies in [Lo, Hi).
type Band struct {
	Lo, Hi     float64
	Questions  int
	Acceptable int
}

var (
	calOnce sync.Once
	cal     Calibration
)

func calibration() *Calibration {
	calOnce.Do(func() {
		if err := json.Unmarshal(calibrationJSON, &cal); err != nil || len(cal.Weights) != len(featureNames) {
			cal = Calibration{} // no model: the heuristic score stands
		}
	})
	return &cal
}

// featureNames are the names of what Features measures.
var featureNames = []string{
	"heuristic", "multiple_choice", "fill_blank", "true_false", "numeric", "ordering", "matching",
	"date", "person", "place", "organisation", "number", "acronym", "event", "infobox",
	"stem_words", "blank_first", "brackets", "quotes", "answer_words", "lead", "wh_question",
}

// Features measures a candidate for the calibrated score: its heuristic
// score (sentence position and shape, kind and type weights), its type and
// kind, and the shape of its stem and answer.
func Features(q Question) []float64 {
	x := make([]float64, 0, len(featureNames))
	x = append(x, q.Score)
	for _, t := range []Type{MultipleChoice, FillBlank, TrueFalse, Numeric, Ordering, Matching} {
		x = append(x, b2f(q.Type == t))
	}
	for _, k := range []Kind{KindDate, KindPerson, KindPlace, KindOrganisation, KindNumber, KindAcronym, KindEvent, KindInfobox} {
		x = append(x, b2f(q.Kind == k))
	}
	words := len(strings.Fields(q.Prompt))
	x = append(x, math.Min(float64(words), 60)/30,
		b2f(strings.HasPrefix(q.Prompt, Blank)),
		b2f(strings.Contains(q.Prompt, "(")),
		b2f(strings.ContainsAny(q.Prompt, "\"“”")),
		math.Min(float64(len(strings.Fields(q.Answer))), 8)/4,
		b2f(q.Section == "" || q.Section == "Infobox"),
		b2f(strings.HasSuffix(q.Prompt, "?")))
	return x
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// calibrated returns the model's chance that q is acceptable, or the
// heuristic score when no model is embedded.
func calibrated(q Question) float64 {
	c := calibration()
	if len(c.Weights) == 0 {
		return q.Score
	}
	z := c.Bias
	for i, v := range Features(q) {
		z += c.Weights[i] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// typeKindBonus is what the reviews add to or take from q's rank for its
// type and kind together: 0 where they say nothing.
func typeKindBonus(q *Question) float64 {
	c := calibration()
	share, ok := c.TypeKind[string(q.Type)+"/"+string(q.Kind)]
	if !ok {
		return 0
	}
	return share - c.Overall
}

// FeatureNames returns the names of Features' values, in order.
func FeatureNames() []string { return append([]string(nil), featureNames...) }
