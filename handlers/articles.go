package handlers

import (
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/views"
)

func (h *Handler) home(c *fiber.Ctx) error {
	arts, err := h.store.ListArticles()
	if err != nil {
		return err
	}
	data := views.HomePage{Page: h.page(c, "Articles"), DefaultCount: models.DefaultAttemptSize}
	zs, err := h.store.ListQuizzes(true, time.Now())
	if err != nil {
		return err
	}
	for _, z := range zs {
		data.Quizzes = append(data.Quizzes, quizItem(&z, time.Now()))
	}
	for _, a := range arts {
		data.Articles = append(data.Articles, views.ArticleItem{ID: a.ID, Title: a.Title, Questions: a.Questions, Created: a.CreatedAt})
	}
	return h.render(c, fiber.StatusOK, "home", data)
}

// addArticle runs the engine on an article's text, within the time a
// request may take, and stores the article with the questions it made: up
// to the server's -questions setting, every one that passes the engine's
// checks if that is 0. A text that is not an article gives the parser's
// *questions.ParseError, and nothing is stored.
func (h *Handler) addArticle(c *fiber.Ctx, text []byte) (*models.Article, error) {
	ctx, cancel := h.generateContext(c)
	defer cancel()
	count := h.cfg.Questions
	if count <= 0 {
		count = -1
	}
	g, err := questions.FromText(ctx, h.parser, text, questions.Options{Count: count})
	if err != nil {
		return nil, err
	}
	return h.store.CreateArticle(g.Article, string(text), g.Questions)
}

func (h *Handler) newArticle(c *fiber.Ctx) error {
	return h.render(c, fiber.StatusOK, "article_new", views.NewArticlePage{Page: h.page(c, "Add an article"), MaxBytes: h.parser.Limit()})
}

// createArticle adds an article pasted or uploaded in the form. A text the
// parser refuses shows the form again with the error, its line and the
// text as it was pasted.
func (h *Handler) createArticle(c *fiber.Ctx) error {
	text, err := h.formArticle(c)
	if err == nil {
		var art *models.Article
		art, err = h.addArticle(c, text)
		if err == nil {
			return c.Redirect("/articles/"+strconv.FormatUint(uint64(art.ID), 10)+"?created=1", fiber.StatusSeeOther)
		}
	}
	var pe *questions.ParseError
	if !errors.As(err, &pe) {
		return err
	}
	status := parseStatus(err)
	data := views.NewArticlePage{Page: h.page(c, "Add an article"), Text: c.FormValue("text"),
		Error: capitalise(pe.Err.Error()) + detail(pe), ErrorLine: pe.Line, MaxBytes: h.parser.Limit()}
	return h.render(c, status, "article_new", data)
}

func detail(pe *questions.ParseError) string {
	if pe.Detail == "" {
		return "."
	}
	return " (" + pe.Detail + ")."
}

// formArticle reads the article from the uploaded file, or else from the
// text field.
func (h *Handler) formArticle(c *fiber.Ctx) ([]byte, error) {
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		if err := h.parser.CheckSize(fh.Size); err != nil {
			return nil, err
		}
		f, err := fh.Open()
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(io.LimitReader(f, int64(h.parser.Limit())+1))
	}
	return []byte(c.FormValue("text")), nil
}

func (h *Handler) showArticle(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	art, err := h.store.GetArticle(id)
	if err != nil {
		return err
	}
	practice, err := h.store.PracticeQuestions(id)
	if err != nil {
		return err
	}
	data := views.ArticlePage{Page: h.page(c, art.Title), ID: art.ID, Title: art.Title,
		JustCreated: c.Query("created") != "", DefaultCount: models.DefaultAttemptSize, Practice: len(practice)}
	for _, s := range art.Sections {
		data.Sections = append(data.Sections, views.SectionView{Anchor: models.SectionAnchor(s.Title), Title: s.Title, Level: s.Level, Paragraphs: s.Paragraphs})
	}
	// The questions and their answers are for staff only: a quiz's
	// questions may be among them.
	if u := currentUser(c); u != nil && u.Can(models.RoleInstructor) {
		qs, err := h.store.ArticleQuestions(id)
		if err != nil {
			return err
		}
		for _, q := range qs {
			eq, err := q.Engine()
			if err != nil {
				return err
			}
			data.Questions = append(data.Questions, views.QuestionItem{Type: q.Type, Label: typeLabel(q.Type), Kind: q.Kind,
				Prompt: q.Prompt, Options: q.Options, Answer: questions.FormatAnswer(eq), Source: q.Source})
		}
		if data.JustCreated {
			data.Flash = "Added “" + art.Title + "” with " + strconv.Itoa(len(qs)) + " questions."
		}
	}
	if u := currentUser(c); u != nil {
		deck, err := h.store.DeckOf(u.ID, id, time.Now())
		if err != nil {
			return err
		}
		data.Deck = views.DeckState{SignedIn: true, InDeck: deck.InDeck, Cards: deck.Cards, Due: deck.Due}
	}
	return h.render(c, fiber.StatusOK, "article", data)
}

// typeLabel names a stored question's type as pages do (see
// questions.Types).
func typeLabel(t string) string { return questions.Type(t).Label() }
