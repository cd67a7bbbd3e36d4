package questions

import (
	"testing"
)

// TestCalibrationEmbedded: the embedded model fits Features, turns any
// candidate into a chance between 0 and 1, and nothing under its
// threshold is served.
func TestCalibrationEmbedded(t *testing.T) {
	c := calibration()
	if len(c.Weights) != len(featureNames) || len(c.Features) != len(featureNames) {
		t.Fatalf("calibration.json has %d weights and %d names for %d features", len(c.Weights), len(c.Features), len(featureNames))
	}
	for i, n := range featureNames {
		if c.Features[i] != n {
			t.Errorf("feature %d is %q in calibration.json, %q in the engine", i, c.Features[i], n)
		}
	}
	if c.Reviewed < 100 {
		t.Errorf("the model was fitted on %d reviewed questions, want at least 100", c.Reviewed)
	}
	for name, data := range allArticles(t) {
		a := mustParse(t, data)
		for _, q := range Candidates(a, ExtractFacts(a)) {
			if p := calibrated(q); p < 0 || p > 1 {
				t.Errorf("%s: chance %v for %q", name, p, q.Prompt)
			}
		}
		for _, q := range Generate(a, ExtractFacts(a), Options{Count: -1}) {
			if q.Score < c.Threshold {
				t.Errorf("%s: served %q with chance %v under the threshold %v", name, q.Prompt, q.Score, c.Threshold)
			}
		}
	}
}
