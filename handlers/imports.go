package handlers

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/questions/formats"
	"factquiz/views"
)

// maxImportBytes caps an imported question file.
const maxImportBytes = 2 << 20

// showImport shows the import form.
func (h *Handler) showImport(c *fiber.Ctx) error {
	id, _ := strconv.ParseUint(c.Query("article"), 10, 32)
	return h.renderImport(c, fiber.StatusOK, views.ImportPage{ArticleID: uint(id)})
}

func (h *Handler) renderImport(c *fiber.Ctx, status int, data views.ImportPage) error {
	arts, err := h.store.ListArticles()
	if err != nil {
		return err
	}
	data.Page, data.MaxBytes = h.page(c, "Import questions"), maxImportBytes
	for _, a := range arts {
		data.Articles = append(data.Articles, views.ArticleItem{ID: a.ID, Title: a.Title})
	}
	return h.render(c, status, "import", data)
}

// importQuestions reads a question file and shows its preview; with
// confirm=1 it stores the questions read, all in one transaction.
func (h *Handler) importQuestions(c *fiber.Ctx) error {
	data := views.ImportPage{Format: c.FormValue("format")}
	id, err := strconv.ParseUint(c.FormValue("article"), 10, 32)
	if err != nil || id == 0 {
		data.Error = "Choose the article the questions go into."
		return h.renderImport(c, fiber.StatusUnprocessableEntity, data)
	}
	data.ArticleID = uint(id)
	text, name, err := importText(c)
	if err != nil {
		data.Error = capitalise(err.Error()) + "."
		return h.renderImport(c, fiber.StatusUnprocessableEntity, data)
	}
	data.Text = string(text)
	if data.Format == "" {
		data.Format = formats.FormatOf(name)
	}
	res, err := formats.ReadQuestions(data.Format, bytes.NewReader(text))
	if err != nil {
		data.Error = capitalise(err.Error()) + "."
		return h.renderImport(c, fiber.StatusUnprocessableEntity, data)
	}
	if n := len(res.Questions); n > formats.MaxImportQuestions {
		data.Error = fmt.Sprintf("The file has %d questions: at most %d can be imported at once. Split it into smaller files.", n, formats.MaxImportQuestions)
		return h.renderImport(c, fiber.StatusUnprocessableEntity, data)
	}
	qs := previewImport(&data, res)
	if c.FormValue("confirm") == "1" && len(qs) > 0 {
		if _, err := h.store.ImportQuestions(data.ArticleID, qs); err != nil {
			return err
		}
		flash(c, "imported")
		return c.Redirect(fmt.Sprintf("/bank?article=%d&origin=imported", data.ArticleID), fiber.StatusSeeOther)
	}
	data.Previewed = true
	status := fiber.StatusOK
	if len(qs) == 0 {
		status = fiber.StatusUnprocessableEntity
		if data.Error == "" {
			data.Error = "No question could be read from this file."
		}
	}
	return h.renderImport(c, status, data)
}

// previewImport fills the preview and returns the questions to store:
// those the format read that also pass the checks of a hand-written one.
func previewImport(data *views.ImportPage, res *formats.ImportResult) []questions.Question {
	var qs []questions.Question
	for _, e := range res.Errors {
		data.Errors = append(data.Errors, views.LineError{Line: e.Line, Msg: e.Msg})
	}
	for _, e := range res.Skipped {
		data.Skipped = append(data.Skipped, views.LineError{Line: e.Line, Msg: e.Msg})
	}
	for _, im := range res.Questions {
		if errs := questions.Validate(im.Question); len(errs) > 0 {
			data.Errors = append(data.Errors, views.LineError{Line: im.Line, Msg: models.FieldErrors(errs).Error()})
			continue
		}
		qs = append(qs, im.Question)
		data.Questions = append(data.Questions, views.BankItem{Type: string(im.Question.Type), Label: typeLabel(string(im.Question.Type)),
			Prompt: im.Question.Prompt, Answer: questions.FormatAnswer(im.Question), Tags: im.Question.Tags})
	}
	return qs
}

// importText reads the uploaded file, or else the pasted text, and its
// file name.
func importText(c *fiber.Ctx) ([]byte, string, error) {
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		if fh.Size > maxImportBytes {
			return nil, "", fmt.Errorf("the file is too large: at most %d bytes", maxImportBytes)
		}
		f, err := fh.Open()
		if err != nil {
			return nil, "", err
		}
		defer f.Close()
		b, err := io.ReadAll(io.LimitReader(f, maxImportBytes+1))
		return b, fh.Filename, err
	}
	text := c.FormValue("text")
	switch {
	case strings.TrimSpace(text) == "":
		return nil, "", errors.New("choose a file or paste its text")
	case len(text) > maxImportBytes:
		return nil, "", fmt.Errorf("the text is too large: at most %d bytes", maxImportBytes)
	}
	return []byte(text), "", nil
}

// exportBank writes the questions the bank's filter selects, every page
// of them, or a quiz's chosen questions with ?quiz=ID.
func (h *Handler) exportBank(c *fiber.Ctx) error {
	format := c.Query("format", "gift")
	ext, ok := formats.FileFormats[format]
	if !ok {
		return fiber.NewError(fiber.StatusBadRequest, "Unknown format “"+format+"”: choose gift, aiken or csv.")
	}
	rows, name, err := h.exportRows(c)
	if err != nil {
		return err
	}
	qs := make([]questions.Question, 0, len(rows))
	for _, r := range rows {
		eq, err := r.Engine()
		if err != nil {
			return err
		}
		qs = append(qs, eq)
	}
	var b bytes.Buffer
	skipped, err := formats.WriteQuestions(&b, format, qs)
	if err != nil {
		return err
	}
	if len(skipped) > 0 {
		c.Set("X-Skipped", strconv.Itoa(len(skipped)))
	}
	c.Set(fiber.HeaderContentType, map[bool]string{true: "text/csv; charset=utf-8", false: "text/plain; charset=utf-8"}[format == "csv"])
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s%s"`, fileSlug(name), ext))
	return c.Send(b.Bytes())
}

func (h *Handler) exportRows(c *fiber.Ctx) ([]models.Question, string, error) {
	if raw := c.Query("quiz"); raw != "" {
		id, err := strconv.ParseUint(raw, 10, 32)
		if err != nil {
			return nil, "", fiber.NewError(fiber.StatusBadRequest, "The quiz must be a number.")
		}
		z, err := h.store.GetQuiz(uint(id))
		if err != nil {
			return nil, "", err
		}
		rows := make([]models.Question, len(z.Questions))
		for i, qq := range z.Questions {
			rows[i] = qq.Question
		}
		return rows, z.Name, nil
	}
	f, err := bankFilter(c)
	if err != nil {
		return nil, "", err
	}
	f.PerPage = models.MaxPerPage
	var rows []models.Question
	for page := 1; ; page++ {
		f.Page = page
		p, err := h.store.ListQuestions(f)
		if err != nil {
			return nil, "", err
		}
		rows = append(rows, p.Questions...)
		if page >= p.Pages {
			break
		}
	}
	return rows, "questions", nil
}
