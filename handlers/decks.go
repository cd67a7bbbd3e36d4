package handlers

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"factquiz/models"
	"factquiz/questions"
	"factquiz/questions/formats"
)

// addDeck gives the learner the article's flashcards, then goes to next
// (the review session, from the results page) or back to the article.
func (h *Handler) addDeck(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := h.store.AddDeck(currentUser(c).ID, id, time.Now()); err != nil {
		return err
	}
	return c.Redirect(nextOr(c.FormValue("next"), "/articles/"+strconv.FormatUint(uint64(id), 10)), fiber.StatusSeeOther)
}

// exportDeck writes the learner's cards of an article as a file Anki
// imports (tab-separated front, back, tags, with Anki's header lines) or as
// CSV.
func (h *Handler) exportDeck(format string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		title, err := h.store.ArticleTitle(id)
		if err != nil {
			return err
		}
		cards, err := h.store.DeckCards(currentUser(c).ID, id)
		if err != nil {
			return err
		}
		if len(cards) == 0 {
			return fiber.NewError(fiber.StatusNotFound, "You have no flashcards of “"+title+"”: add them on the article's page first.")
		}
		rows := make([][]string, len(cards))
		for i, card := range cards {
			rows[i] = cardRow(card, title)
		}
		var out []byte
		if format == "csv" {
			out, err = deckCSV(rows)
		} else {
			out = deckAnki(rows)
		}
		if err != nil {
			return err
		}
		name := fileSlug(title) + ".flashcards." + format
		c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, name))
		c.Set(fiber.HeaderContentType, map[string]string{"csv": "text/csv; charset=utf-8", "txt": "text/plain; charset=utf-8"}[format])
		return c.Send(out)
	}
}

// cardRow is a card as exported: front, back, source sentence, tags.
func cardRow(card models.Card, title string) []string {
	q := card.Question
	back := ""
	if eq, err := q.Engine(); err == nil {
		back = questions.FormatAnswer(eq)
	}
	tags := "factquiz " + fileSlug(title)
	if q.Kind != "" {
		tags += " " + q.Kind
	}
	return []string{q.Prompt, back, q.Source, tags}
}

// deckAnki writes Anki's plain-text import format: header lines, then one
// note a line, fields separated by tabs. Tabs and line breaks inside a
// field would split it, so they become spaces.
func deckAnki(rows [][]string) []byte {
	var b bytes.Buffer
	b.WriteString("#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n#tags column:3\n")
	clean := strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", clean.Replace(r[0]), clean.Replace(r[1]), clean.Replace(r[3]))
	}
	return b.Bytes()
}

func deckCSV(rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"front", "back", "source", "tags"})
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, cell := range r {
			safe[i] = formats.SpreadsheetSafe(cell)
		}
		w.Write(safe)
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// fileSlug makes a title safe for a file name and a tag: "2011 Tabankort
// raid" → "2011_tabankort_raid".
func fileSlug(title string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	s := strings.TrimSuffix(b.String(), "_")
	if s == "" {
		return "article"
	}
	return s
}
