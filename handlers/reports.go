package handlers

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/questions/formats"
	"factquiz/stats"
	"factquiz/views"
)

// reportColumns are the attempts table's sortable columns.
var reportColumns = []struct{ key, label string }{
	{"learner", "Learner"}, {"score", "Score"}, {"time", "Time taken"}, {"date", "Date"},
}

// quizReport shows a quiz's attempts and statistics.
func (h *Handler) quizReport(c *fiber.Ctx) error {
	z, rep, err := h.loadReport(c)
	if err != nil {
		return err
	}
	key, desc := reportSort(c.Query("sort"), c.Query("dir"))
	rows := reportRows(rep)
	sortRows(rows, key, desc)
	base := fmt.Sprintf("/quizzes/%d/report", z.ID)
	data := views.QuizReportPage{Page: h.wide(h.page(c, "Report: "+z.Name)), QuizID: z.ID, QuizName: z.Name, Attempts: rows,
		CSVURL: base + ".csv?sort=" + key + map[bool]string{true: "&dir=desc", false: ""}[desc]}
	for _, col := range reportColumns {
		link := views.SortLink{Label: col.label, URL: base + "?sort=" + col.key, Sort: "none"}
		if col.key == key {
			link.Sort = map[bool]string{true: "descending", false: "ascending"}[desc]
			if !desc {
				link.URL += "&dir=desc"
			}
		}
		data.Sorts = append(data.Sorts, link)
	}
	results := stats.Results{Marks: rep.Marks}
	data.Quiz = quizStats(stats.Quiz(results))
	data.Items = itemViews(rep, stats.Items(results))
	return h.render(c, fiber.StatusOK, "quiz_report", data)
}

func (h *Handler) loadReport(c *fiber.Ctx) (*models.Quiz, *models.QuizReport, error) {
	z, err := h.quiz(c)
	if err != nil {
		return nil, nil, err
	}
	rep, err := h.store.QuizReport(z.ID)
	return z, rep, err
}

// quizReportCSV writes the attempts table as CSV, sorted as on the page.
func (h *Handler) quizReportCSV(c *fiber.Ctx) error {
	z, rep, err := h.loadReport(c)
	if err != nil {
		return err
	}
	rows := reportRows(rep)
	key, desc := reportSort(c.Query("sort"), c.Query("dir"))
	sortRows(rows, key, desc)
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"attempt", "learner", "email", "score", "total", "percent", "time_taken_seconds", "started_at", "finished"})
	for _, r := range rows {
		secs := ""
		if r.Finished {
			secs = strconv.Itoa(r.Seconds)
		}
		w.Write([]string{strconv.FormatUint(uint64(r.ID), 10), formats.SpreadsheetSafe(r.Learner), formats.SpreadsheetSafe(r.Email),
			strconv.Itoa(r.Score), strconv.Itoa(r.Total), strconv.Itoa(r.Percent), secs, r.Date.UTC().Format(time.RFC3339), strconv.FormatBool(r.Finished)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s.attempts.csv"`, fileSlug(z.Name)))
	return c.Send(b.Bytes())
}

// reportSort reads the attempts table's order from the query: ?sort=
// names a column ("date" if it names none), ?dir=desc reverses it.
func reportSort(sort, dir string) (key string, desc bool) {
	key = "date"
	for _, col := range reportColumns {
		if col.key == sort {
			key = sort
		}
	}
	return key, dir == "desc"
}

func reportRows(rep *models.QuizReport) []views.ReportRow {
	rows := make([]views.ReportRow, len(rep.Attempts))
	for i, a := range rep.Attempts {
		rows[i] = views.ReportRow{ID: a.ID, Learner: a.Learner, Email: a.Email, Score: a.Score, Total: a.Total,
			Date: a.StartedAt, Finished: a.FinishedAt != nil}
		if a.Total > 0 {
			rows[i].Percent = a.Score * 100 / a.Total
		}
		if a.FinishedAt != nil {
			d := a.FinishedAt.Sub(a.StartedAt)
			rows[i].Duration, rows[i].Seconds = durationText(d), int(d.Seconds())
		}
	}
	return rows
}

func sortRows(rows []views.ReportRow, key string, desc bool) {
	less := func(a, b views.ReportRow) bool {
		switch key {
		case "learner":
			return a.Learner < b.Learner
		case "score":
			return a.Percent < b.Percent
		case "time":
			return a.Seconds < b.Seconds
		}
		return a.Date.Before(b.Date)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if desc {
			return less(rows[j], rows[i])
		}
		return less(rows[i], rows[j])
	})
}

// pct writes a percentage for the report, "" when it is undefined.
func pct(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	return fmt.Sprintf("%.1f %%", x)
}

func num(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	return fmt.Sprintf("%.2f", x)
}

func quizStats(q stats.QuizStats) []views.Stat {
	return []views.Stat{
		{Name: "Attempts", Value: strconv.Itoa(q.Attempts), Help: "attempts that answered at least one question"},
		{Name: "Mean", Value: pct(q.Mean), Help: "the average score"},
		{Name: "Median", Value: pct(q.Median), Help: "the middle score"},
		{Name: "Standard deviation", Value: pct(q.SD), Help: "how far scores spread around the mean"},
		{Name: "Skewness", Value: num(q.Skewness), Help: "below 0: most scores are high; above 0: most are low"},
		{Name: "Kurtosis", Value: num(q.Kurtosis), Help: "above 0: scores bunch in the middle and the tails"},
		{Name: "Internal consistency (alpha)", Value: pct(q.Alpha), Help: "how far the questions measure the same thing; above 75 % is good"},
		{Name: "Error ratio", Value: pct(q.ErrorRatio), Help: "the part of the spread due to chance; below 50 % is good"},
		{Name: "Standard error", Value: pct(q.SEM), Help: "how far a score may be from the learner's true score"},
	}
}

// itemViews pairs each question with its statistics and counts how often
// each option of a choice question was chosen.
func itemViews(rep *models.QuizReport, items []stats.ItemStats) []views.ItemView {
	out := make([]views.ItemView, len(rep.Questions))
	for q, question := range rep.Questions {
		iv := views.ItemView{QuestionID: question.ID, Prompt: question.Prompt, Label: typeLabel(question.Type)}
		if q < len(items) {
			it := items[q]
			iv.Attempts, iv.Facility, iv.SD = it.Attempts, pct(it.Facility), pct(it.SD)
			iv.Discrimination, iv.Efficiency = pct(it.Discrimination), pct(it.Efficiency)
			switch it.Flag {
			case stats.Low:
				iv.Flag = "low"
			case stats.Negative:
				iv.Flag = "negative"
			}
		}
		if questions.Type(question.Type) == questions.MultipleChoice || questions.Type(question.Type) == questions.TrueFalse {
			iv.Options = optionStats(rep, q, question)
		}
		out[q] = iv
	}
	return out
}

func optionStats(rep *models.QuizReport, q int, question models.Question) []views.OptionStat {
	eq, err := question.Engine()
	if err != nil {
		return nil
	}
	options := question.Options
	if eq.Type == questions.TrueFalse {
		options = []string{"true", "false"}
	}
	counts := make([]int, len(options))
	asked := 0
	for a := range rep.Marks {
		if math.IsNaN(rep.Marks[a][q]) {
			continue
		}
		asked++
		for i, o := range options {
			if rep.Chosen[a][q] == o {
				counts[i]++
			}
		}
	}
	out := make([]views.OptionStat, len(options))
	for i, o := range options {
		out[i] = views.OptionStat{Text: o, Count: counts[i], Right: o == questions.FormatAnswer(eq) || o == eq.Answer}
		if asked > 0 {
			out[i].Percent = counts[i] * 100 / asked
		}
	}
	return out
}

// durationText writes a duration for people: "45 s", "3 min 12 s".
func durationText(d time.Duration) string {
	d = d.Round(time.Second)
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d.Seconds()))
	}
	return fmt.Sprintf("%d min %d s", int(d.Minutes()), int(d.Seconds())%60)
}
