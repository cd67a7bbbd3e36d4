package handlers

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/views"
)

var (
	questionTypes    = typeChoices(questions.Types)
	questionStatuses = choices(models.StatusGenerated, "Generated", models.StatusApproved, "Approved", models.StatusRetired, "Retired")
	questionOrigins  = choices(models.OriginGenerated, "Generated", models.OriginManual, "Written here", models.OriginImported, "Imported")
)

func typeChoices(types []questions.TypeInfo) []views.Choice {
	out := make([]views.Choice, len(types))
	for i, t := range types {
		out[i] = views.Choice{Value: string(t.Type), Label: t.Label}
	}
	return out
}

// wide marks a page of wide tables.
func (h *Handler) wide(p views.Page) views.Page {
	p.Wide = true
	return p
}

// choices pairs values with labels: value, label, value, label...
func choices(pairs ...string) []views.Choice {
	out := make([]views.Choice, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, views.Choice{Value: pairs[i], Label: pairs[i+1]})
	}
	return out
}

// bank shows the question bank, filtered and paged by the query.
func (h *Handler) bank(c *fiber.Ctx) error {
	f, err := bankFilter(c)
	if err != nil {
		return err
	}
	return h.renderBank(c, fiber.StatusOK, f, "")
}

// maxPageParam bounds the whole numbers the bank's query takes, an
// article id or a page; the store keeps the page within the last.
const maxPageParam = 1 << 30

func bankFilter(c *fiber.Ctx) (models.BankFilter, error) {
	return bankFilterFrom(func(key string) string { return c.Query(key) })
}

// bankFilterFrom is bankFilter on the query's values: an article or a
// page that is not a whole number from 0 to maxPageParam is a 400 that
// says the range (0, every article or the first page, goes unsaid).
func bankFilterFrom(query func(key string) string) (models.BankFilter, error) {
	f := models.BankFilter{Type: query("type"), Status: query("status"), Origin: query("origin"),
		Tag: query("tag"), Search: query("q"), Page: 1}
	for _, name := range []string{"article", "page"} {
		raw := query(name)
		if raw == "" {
			continue
		}
		n, err := strconv.Atoi(raw)
		if err != nil || n < 0 || n > maxPageParam {
			return f, fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("The %s must be a whole number from 1 to %d, not “%s”.", name, maxPageParam, raw))
		}
		if name == "article" {
			f.ArticleID = uint(n)
		} else {
			f.Page = max(1, n)
		}
	}
	return f, nil
}

func (h *Handler) renderBank(c *fiber.Ctx, status int, f models.BankFilter, problem string) error {
	page, err := h.store.ListQuestions(f)
	if err != nil {
		return err
	}
	arts, err := h.store.ListArticles()
	if err != nil {
		return err
	}
	tags, err := h.store.Tags()
	if err != nil {
		return err
	}
	titles := map[uint]string{}
	data := views.BankPage{Page: h.wide(h.page(c, "Questions")), Total: page.Total, PageNum: page.Page, Pages: page.Pages,
		Types: questionTypes, Statuses: questionStatuses, Origins: questionOrigins, Tags: tags, Error: problem,
		Filter: views.BankFilter{ArticleID: f.ArticleID, Type: f.Type, Status: f.Status, Origin: f.Origin, Tag: f.Tag, Search: f.Search}}
	for _, a := range arts {
		titles[a.ID] = a.Title
		data.Articles = append(data.Articles, views.ArticleItem{ID: a.ID, Title: a.Title})
		if a.ID == f.ArticleID {
			data.Article = &views.BankArticle{ID: a.ID, Title: a.Title}
		}
	}
	if data.Article != nil {
		art, err := h.store.GetArticle(f.ArticleID)
		if err != nil {
			return err
		}
		data.Article.LearnersSee = art.LearnersSee
	}
	for _, q := range page.Questions {
		item := views.BankItem{ID: q.ID, ArticleID: q.ArticleID, ArticleTitle: titles[q.ArticleID], Type: q.Type,
			Label: typeLabel(q.Type), Prompt: q.Prompt, Status: q.Status, Origin: q.Origin, Tags: q.Tags, Source: q.Source}
		if eq, err := q.Engine(); err == nil {
			item.Answer = questions.FormatAnswer(eq)
		}
		data.Questions = append(data.Questions, item)
	}
	zs, err := h.store.ListQuizzes(false, time.Now())
	if err != nil {
		return err
	}
	for _, z := range zs {
		data.Quizzes = append(data.Quizzes, views.Choice{Value: strconv.FormatUint(uint64(z.ID), 10), Label: z.Name})
	}
	data.Query = bankQuery(f, 0)
	for _, format := range []string{"gift", "aiken", "csv"} {
		u := "/bank/export?format=" + format
		if q := bankQuery(models.BankFilter{ArticleID: f.ArticleID, Type: f.Type, Status: f.Status, Origin: f.Origin, Tag: f.Tag, Search: f.Search}, 1); q != "" {
			u += "&" + q
		}
		data.Exports = append(data.Exports, views.Choice{Value: u, Label: map[string]string{"gift": "GIFT", "aiken": "Aiken", "csv": "CSV"}[format]})
	}
	if page.Page > 1 {
		data.PrevURL = "/bank?" + bankQuery(f, page.Page-1)
	}
	if page.Page < page.Pages {
		data.NextURL = "/bank?" + bankQuery(f, page.Page+1)
	}
	return h.render(c, status, "bank", data)
}

// bankQuery writes a filter back as a query string, at page (0: its own).
func bankQuery(f models.BankFilter, page int) string {
	v := url.Values{}
	if f.ArticleID != 0 {
		v.Set("article", strconv.FormatUint(uint64(f.ArticleID), 10))
	}
	for k, s := range map[string]string{"type": f.Type, "status": f.Status, "origin": f.Origin, "tag": f.Tag, "q": f.Search} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if page == 0 {
		page = f.Page
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return v.Encode()
}

// bulkQuestions approves, retires or tags the questions ticked in the bank,
// then shows the same page of the bank again.
func (h *Handler) bulkQuestions(c *fiber.Ctx) error {
	var ids []uint
	args := c.Request().PostArgs()
	for _, raw := range args.PeekMulti("ids") {
		n, err := strconv.ParseUint(string(raw), 10, 32)
		if err != nil || n == 0 {
			return fiber.NewError(fiber.StatusBadRequest, "A question id must be a whole number, not “"+string(raw)+"”.")
		}
		ids = append(ids, uint(n))
	}
	back, _ := url.ParseQuery(c.FormValue("return"))
	var err error
	if c.FormValue("action") == "quiz" {
		err = h.addToQuiz(c, ids)
	} else {
		_, err = h.store.BulkUpdate(ids, c.FormValue("action"), c.FormValue("tag"))
	}
	var errs models.FieldErrors
	if errors.As(err, &errs) {
		return h.renderBank(c, fiber.StatusUnprocessableEntity, filterFrom(back), errs.Error())
	}
	if err != nil {
		return err
	}
	return c.Redirect("/bank?"+back.Encode(), fiber.StatusSeeOther)
}

// addToQuiz adds the ticked questions to the quiz chosen in the bulk form.
func (h *Handler) addToQuiz(c *fiber.Ctx, ids []uint) error {
	quizID, err := strconv.ParseUint(c.FormValue("quiz_id"), 10, 32)
	if err != nil || quizID == 0 {
		return models.FieldErrors{"quiz_id": "Choose the quiz to add the questions to (make one on the Quizzes page first)."}
	}
	if len(ids) == 0 {
		return models.FieldErrors{"ids": "Choose at least one question."}
	}
	_, err = h.store.AddQuizQuestions(uint(quizID), ids)
	return err
}

// filterFrom reads a filter from a saved query string.
func filterFrom(v url.Values) models.BankFilter {
	f := models.BankFilter{Type: v.Get("type"), Status: v.Get("status"), Origin: v.Get("origin"), Tag: v.Get("tag"), Search: v.Get("q"), Page: 1}
	if a, err := strconv.ParseUint(v.Get("article"), 10, 32); err == nil {
		f.ArticleID = uint(a)
	}
	if p, err := strconv.Atoi(v.Get("page")); err == nil && p > 0 && p <= maxPageParam {
		f.Page = p
	}
	return f
}

// articleSettings sets which of an article's questions learners see.
func (h *Handler) articleSettings(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	err = h.store.SetLearnersSee(id, c.FormValue("learners_see"))
	var errs models.FieldErrors
	if errors.As(err, &errs) {
		return fiber.NewError(fiber.StatusUnprocessableEntity, errs.Error())
	}
	if err != nil {
		return err
	}
	flash(c, "settings-saved")
	return c.Redirect("/bank?article="+strconv.FormatUint(uint64(id), 10), fiber.StatusSeeOther)
}

// regenerate runs the engine on an article's text again and adds the
// questions it did not make before, keeping the instructor's work.
func (h *Handler) regenerate(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	src, err := h.store.ArticleSource(id)
	if err != nil {
		return err
	}
	ctx, cancel := h.generateContext(c)
	defer cancel()
	g, err := questions.FromText(ctx, h.parser, []byte(src), questions.Options{Count: -1})
	if err != nil {
		return err
	}
	if _, err := h.store.AddGenerated(id, g.Questions); err != nil {
		return err
	}
	flash(c, "regenerated")
	return c.Redirect("/bank?article="+strconv.FormatUint(uint64(id), 10), fiber.StatusSeeOther)
}
