// Command calibrate fits the question engine's score to blind reviews: a
// logistic model of the chance that both reviewers accept a question,
// over questions.Features, written to questions/calibration.json with the
// threshold below which candidates are not served and the acceptable share
// per band of predicted chance.
//
//	go run ./questions/internal/calibrate -articles DIR[,DIR...] \
//	    testdata/reviews/2026-12-01-r1 testdata/reviews/2026-12-01-r2 ...
//
// Each review PREFIX names two sheets, PREFIX-A.csv and PREFIX-B.csv (see
// testdata/reviews/README.md). The articles are not in the repository: the
// program reads NAME.txt for each reviewed article from the -articles
// folders, makes every candidate with the current engine, and fits on the
// reviewed questions the engine still makes (matched by id); the others are
// counted and left out.
//
//	go run ./questions/internal/calibrate -priors testdata/reviews/2026-12-01-r5 ...
//
// sets only the acceptable share per type and kind (Calibration.TypeKind)
// from the sheets alone, which name each question's type and kind: no
// articles are needed, and the fitted weights are kept.
package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"factquiz/questions"
)

func main() {
	articles := flag.String("articles", os.Getenv("FACTQUIZ_ARTICLES"), "comma-separated folders holding the reviewed articles as NAME.txt")
	out := flag.String("o", "questions/calibration.json", "file to write the model to")
	eval := flag.String("eval", "", "a review PREFIX held out of the fit: report how the model ranks its questions")
	priors := flag.Bool("priors", false, "only set the acceptable share per type and kind from the sheets; keep the weights")
	flag.Parse()
	if *priors {
		if flag.NArg() == 0 {
			fmt.Fprintln(os.Stderr, "usage: calibrate -priors REVIEW_PREFIX...")
			os.Exit(2)
		}
		if err := setPriors(*out, flag.Args()); err != nil {
			fail(err)
		}
		return
	}
	if flag.NArg() == 0 || *articles == "" {
		fmt.Fprintln(os.Stderr, "usage: calibrate -articles DIR[,DIR...] REVIEW_PREFIX...")
		os.Exit(2)
	}
	labels := map[[2]string]bool{} // (article, id) -> both reviewers accept
	for _, prefix := range flag.Args() {
		if err := readReview(prefix, labels, nil); err != nil {
			fail(err)
		}
	}
	xs, ys, missing, err := examples(strings.Split(*articles, ","), labels)
	if err != nil {
		fail(err)
	}
	if len(xs) < 20 {
		fail(fmt.Errorf("only %d reviewed questions are still made: too few to fit", len(xs)))
	}
	w, b := fit(xs, ys)
	c := questions.Calibration{Features: questions.FeatureNames(), Weights: round(w), Bias: math.Round(b*1e4) / 1e4,
		Reviewed: len(xs)}
	c.Threshold, c.Bands = threshold(xs, ys, c.Weights, c.Bias)
	if *eval != "" {
		held := map[[2]string]bool{}
		if err := readReview(*eval, held, nil); err != nil {
			fail(err)
		}
		hx, hy, hmissing, err := examples(strings.Split(*articles, ","), held)
		if err != nil {
			fail(err)
		}
		hp := make([]float64, len(hx))
		hh := make([]float64, len(hx))
		for i, x := range hx {
			hp[i], hh[i] = predict(c.Weights, c.Bias, x), x[0]
		}
		_, bands := threshold(hx, hy, c.Weights, c.Bias)
		fmt.Printf("held-out review %s: %d questions (%d no longer made); AUC model %.2f, heuristic %.2f\n", *eval, len(hx), hmissing, auc(hp, hy), auc(hh, hy))
		for _, band := range bands {
			if band.Questions > 0 {
				fmt.Printf("  held out, chance %.1f-%.1f: %d of %d acceptable\n", band.Lo, band.Hi, band.Acceptable, band.Questions)
			}
		}
	}
	data, _ := json.MarshalIndent(c, "", "  ")
	if err := os.WriteFile(*out, append(data, '\n'), 0o644); err != nil {
		fail(err)
	}
	accepted := 0
	for _, y := range ys {
		accepted += int(y)
	}
	fmt.Printf("%d reviewed questions (%d acceptable), %d no longer made; threshold %.2f\n", len(xs), accepted, missing, c.Threshold)
	model := make([]float64, len(xs))
	heuristic := make([]float64, len(xs))
	for i, x := range xs {
		model[i], heuristic[i] = predict(c.Weights, c.Bias, x), x[0]
	}
	fmt.Printf("ranking quality on these questions (AUC, 0.5 is chance): model %.2f, heuristic score %.2f\n", auc(model, ys), auc(heuristic, ys))
	for _, band := range c.Bands {
		if band.Questions > 0 {
			fmt.Printf("  chance %.1f-%.1f: %d of %d acceptable (%.0f %%)\n", band.Lo, band.Hi, band.Acceptable, band.Questions,
				100*float64(band.Acceptable)/float64(band.Questions))
		}
	}
}

// priorWeight is how many reviewed questions' worth of the overall share a
// type and kind's own share is pulled toward: a pair seen three times says
// little on its own.
const priorWeight = 10

// setPriors writes into the calibration file at path the acceptable share
// of each type and kind in the reviews, smoothed toward the overall share.
func setPriors(path string, prefixes []string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var c questions.Calibration
	if err := json.Unmarshal(data, &c); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	n, ok := map[string]int{}, map[string]int{}
	all, allOK := 0, 0
	c.Priors = nil // the reviews of this run, not those of every run before it
	for _, prefix := range prefixes {
		labels, kinds := map[[2]string]bool{}, map[[2]string]string{}
		if err := readReview(prefix, labels, kinds); err != nil {
			return err
		}
		for k, good := range labels {
			tk, known := kinds[k]
			if !known {
				continue
			}
			n[tk]++
			all++
			if good {
				ok[tk]++
				allOK++
			}
		}
		c.Priors = append(c.Priors, filepath.Base(prefix))
	}
	if all == 0 {
		return errors.New("the reviews hold no question")
	}
	c.Overall = math.Round(float64(allOK)/float64(all)*1000) / 1000
	c.TypeKind = map[string]float64{}
	keys := make([]string, 0, len(n))
	for tk := range n {
		keys = append(keys, tk)
	}
	sort.Strings(keys)
	for _, tk := range keys {
		share := (float64(ok[tk]) + priorWeight*c.Overall) / (float64(n[tk]) + priorWeight)
		c.TypeKind[tk] = math.Round(share*1000) / 1000
		fmt.Printf("  %-26s %3d of %3d acceptable, smoothed %.2f\n", tk, ok[tk], n[tk], c.TypeKind[tk])
	}
	fmt.Printf("%d reviewed questions, %d acceptable (%.2f)\n", all, allOK, c.Overall)
	out, _ := json.MarshalIndent(c, "", "  ")
	return os.WriteFile(path, append(out, '\n'), 0o644)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "calibrate:", err)
	os.Exit(1)
}

// readReview reads the two sheets of a review: a question is acceptable
// when both say ok. kinds, if not nil, gets each question's "type/kind".
func readReview(prefix string, labels map[[2]string]bool, kinds map[[2]string]string) error {
	seen := map[[2]string]int{}
	ok := map[[2]string]int{}
	for _, side := range []string{"A", "B"} {
		f, err := os.Open(prefix + "-" + side + ".csv")
		if err != nil {
			return err
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			return fmt.Errorf("%s-%s.csv: %w", prefix, side, err)
		}
		if len(rows) == 0 || len(rows[0]) < 5 || rows[0][0] != "article" || rows[0][4] != "verdict" {
			return fmt.Errorf("%s-%s.csv: the header must start article,id,type,kind,verdict", prefix, side)
		}
		for _, r := range rows[1:] {
			k := [2]string{r[0], r[1]}
			if kinds != nil && side == "A" {
				kinds[k] = r[2] + "/" + r[3]
			}
			seen[k]++
			if strings.EqualFold(strings.TrimSpace(r[4]), "ok") {
				ok[k]++
			}
		}
	}
	for k, n := range seen {
		if n == 2 {
			labels[k] = ok[k] == 2
		}
	}
	return nil
}

// examples makes the current engine's candidates for each reviewed article
// and returns the features and labels of those it still makes.
func examples(dirs []string, labels map[[2]string]bool) (xs [][]float64, ys []float64, missing int, err error) {
	byArticle := map[string]map[string]bool{}
	for k, v := range labels {
		if byArticle[k[0]] == nil {
			byArticle[k[0]] = map[string]bool{}
		}
		byArticle[k[0]][k[1]] = v
	}
	names := make([]string, 0, len(byArticle))
	for n := range byArticle {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := readArticle(dirs, name)
		if err != nil {
			return nil, nil, 0, err
		}
		a, err := questions.ParseArticle(data)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("%s: %w", name, err)
		}
		made := map[string]questions.Question{}
		for _, q := range questions.Candidates(a, questions.ExtractFacts(a)) {
			made[q.ID] = q
		}
		ids := make([]string, 0, len(byArticle[name]))
		for id := range byArticle[name] {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			q, ok := made[id]
			if !ok {
				missing++
				continue
			}
			xs = append(xs, questions.Features(q))
			ys = append(ys, map[bool]float64{true: 1, false: 0}[byArticle[name][id]])
		}
	}
	return xs, ys, missing, nil
}

func readArticle(dirs []string, name string) ([]byte, error) {
	for _, d := range dirs {
		data, err := os.ReadFile(filepath.Join(d, name+".txt"))
		if err == nil {
			return data, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	return nil, fmt.Errorf("%s.txt is in none of %s", name, strings.Join(dirs, ", "))
}

// fit is L2-regularised logistic regression by gradient descent: a fixed
// number of steps from zero, so the result is the same on every run.
func fit(xs [][]float64, ys []float64) ([]float64, float64) {
	const (
		steps  = 4000
		rate   = 0.3
		lambda = 0.1
	)
	w := make([]float64, len(xs[0]))
	b := 0.0
	n := float64(len(xs))
	for range steps {
		gw := make([]float64, len(w))
		gb := 0.0
		for i, x := range xs {
			d := predict(w, b, x) - ys[i]
			for j, v := range x {
				gw[j] += d * v
			}
			gb += d
		}
		for j := range w {
			w[j] -= rate * (gw[j]/n + lambda*w[j])
		}
		b -= rate * gb / n
	}
	return w, b
}

func predict(w []float64, b float64, x []float64) float64 {
	z := b
	for j, v := range x {
		z += w[j] * v
	}
	return 1 / (1 + math.Exp(-z))
}

func round(w []float64) []float64 {
	out := make([]float64, len(w))
	for i, v := range w {
		out[i] = math.Round(v*1e4) / 1e4
	}
	return out
}

// threshold picks the least predicted chance a served question needs:
// the cut that keeps the most questions while those kept are at least as
// often acceptable as the target share, and no cut above a fifth of the
// questions. It also returns the bands of predicted chance.
func threshold(xs [][]float64, ys []float64, w []float64, b float64) (float64, []questions.Band) {
	bands := make([]questions.Band, 10)
	ps := make([]float64, len(xs))
	for i, x := range xs {
		ps[i] = predict(w, b, x)
		k := min(int(ps[i]*10), 9)
		bands[k].Questions++
		bands[k].Acceptable += int(ys[i])
	}
	for k := range bands {
		bands[k].Lo, bands[k].Hi = float64(k)/10, float64(k+1)/10
	}
	// the cut: drop the bottom of the ranking while what is dropped is
	// mostly unacceptable (at most a fifth acceptable), dropping at most
	// a fifth of the questions: a weak model does not get to empty quizzes
	order := make([]int, len(ps))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return ps[order[i]] < ps[order[j]] })
	best, dropped, bad := 0.0, 0, 0
	for _, i := range order {
		if dropped+1 > len(ps)/5 {
			break
		}
		dropped++
		if ys[i] == 0 {
			bad++
		}
		if dropped >= 10 && float64(bad) >= 0.8*float64(dropped) {
			best = ps[i] + 1e-9 // at least ten questions say so
		}
	}
	return math.Ceil(best*1000) / 1000, bands
}

// auc is the chance that an acceptable question is scored above an
// unacceptable one (ties count half).
func auc(score, ys []float64) float64 {
	var pairs, wins float64
	for i := range score {
		for j := range score {
			if ys[i] == 1 && ys[j] == 0 {
				pairs++
				switch {
				case score[i] > score[j]:
					wins++
				case score[i] == score[j]:
					wins += 0.5
				}
			}
		}
	}
	if pairs == 0 {
		return 0.5
	}
	return wins / pairs
}
