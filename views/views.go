// Package views holds factquiz's HTML templates and static files, embedded
// in the binary, and the data each page is rendered from.
//
// Handlers fill the page types below from the store; templates see nothing
// else. Every template escapes what it prints (html/template).
package views

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"strings"
	"time"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Static returns the static files (CSS, JavaScript), served under /static/.
func Static() fs.FS {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embedded folder always exists
	}
	return sub
}

// FileSystem serves Static over HTTP.
func FileSystem() http.FileSystem { return http.FS(Static()) }

// Page is what every page has.
type Page struct {
	Title string // the page's own title, before " · factquiz"
	CSRF  string // the token every form posts as _csrf
	Flash string // a one-line notice at the top
	User  *User  // the signed-in user; nil for a guest
	Path  string // the page's own path and query, to come back to after logging in
	Wide  bool   // a page of wide tables (the question bank, reports): a wider column
}

// HomePage lists the articles.
type HomePage struct {
	Page
	Articles     []ArticleItem
	DefaultCount int
	Quizzes      []QuizItem // the quizzes open now
}

// ArticleItem is an article in a list.
type ArticleItem struct {
	ID        uint
	Title     string
	Questions int
	Created   time.Time
}

// NewArticlePage is the form to add an article, shown again with the
// parser's error and the text as it was pasted.
type NewArticlePage struct {
	Page
	Text      string
	Error     string
	ErrorLine int // 0 when the error concerns the whole text
	MaxBytes  int
}

// ArticlePage shows an article by section and its questions.
type ArticlePage struct {
	Page
	ID           uint
	Title        string
	Sections     []SectionView
	Questions    []QuestionItem // every question with its answer: for staff only
	Practice     int            // how many questions learners may practise here
	JustCreated  bool           // the article was just added: show its questions open
	DefaultCount int
	Deck         DeckState
}

// SectionView is a section of an article.
type SectionView struct {
	Anchor     string // the id to link to: "lead", "s-kidnapping"
	Title      string // "" for the lead
	Level      int    // 2 for "==", 3 for "==="
	Paragraphs []string
}

// QuestionItem is a question as listed under its article.
type QuestionItem struct {
	Type    string // multiple_choice, true_false, ...
	Label   string // "Multiple choice", "True or false", ...
	Kind    string
	Prompt  string
	Options []string
	Answer  string // the right answer written out
	Source  string
}

// QuestionPage asks one question of an attempt.
type QuestionPage struct {
	Page
	AttemptID    uint
	ArticleID    uint
	ArticleTitle string
	Position     int // 1-based
	Total        int
	Q            AskView
	Error        string // what was wrong with the last submission
	// TimeLeft is what remains of a timed quiz's time, in seconds; -1
	// when it has no limit.
	TimeLeft int
}

// AskView is the question to answer. The page asks for it with the
// controls Input names (see questions.Input), and which fields matter
// depends on it: Options for choice and choices (radio buttons or check
// boxes, value = option text); nothing more for truth (buttons with value
// "true" / "false"); Given pre-fills the text and number fields; Items for
// order (a select per position, named order_1..order_N, each listing
// every item); Lefts and Options for match (a select per left item, named
// match_0..match_{N-1}, listing the Options). An empty Input, a type the
// engine does not know, gets a plain text field.
type AskView struct {
	QuestionID uint
	Type       string
	Input      string // choice, choices, truth, text, number, order or match
	Label      string
	Prompt     string
	Options    []string
	Items      []string
	Lefts      []string
	Given      string
}

// FeedbackPage says whether an answer was right, with the right answer and
// the sentence it rests on, the answer marked.
type FeedbackPage struct {
	Page
	AttemptID uint
	ArticleID uint
	Position  int
	Total     int
	Correct   bool
	Partial   int // the percent of the mark earned by a partly right answer; 0 otherwise
	// Feedback is what the question's author wrote for the options chosen,
	// then for any answer.
	Feedback     []string
	Prompt       string
	YourAnswer   string
	RightAnswer  string
	Source       Marked
	SectionTitle string // "" for the lead
	SectionLink  string // "/articles/3#s-raid"
	NextURL      string // the next question, or the results
	Finished     bool
	Contest      ContestView // contesting the answer: the form, or how the contest stands
}

// Marked is a sentence split around the part to highlight.
type Marked struct {
	Before, Mark, After string
}

// ResultsPage shows a finished attempt.
type ResultsPage struct {
	Page
	AttemptID    uint
	ArticleID    uint
	ArticleTitle string
	Score        int
	Points       string // the marks earned, when partial credit makes them differ from Score: "3.5"
	Total        int
	Percent      int
	Duration     string // "3 min 12 s"
	Items        []ResultItem
	Count        int // the size to start another attempt with
	// HideAnswers is set for quizzes that never show feedback: the score
	// shows, the right answers do not.
	HideAnswers bool
	PassMark    int    // percent; 0 when there is none
	Passed      bool   // the score reached the pass mark
	TimedOut    bool   // the time ran out before every question was answered
	QuizToken   string // the quiz's share token: "Try again" starts the quiz again
	QuizName    string
}

// ResultItem is one question of a finished attempt.
type ResultItem struct {
	Position    int
	Prompt      string
	YourAnswer  string // "" when unanswered
	RightAnswer string
	Correct     bool
	Answered    bool
	Partial     int         // the percent of the mark earned by a partly right answer; 0 otherwise
	Contest     ContestView // contesting the answer: the form, or how the contest stands
}

// ErrorPage explains what went wrong.
type ErrorPage struct {
	Page
	Status  int
	Message string
}

// QuizForm is the "Take a quiz" form of an article, as the home and
// article pages show it.
type QuizForm struct {
	ArticleID uint
	CSRF      string
	Count     int
	InputID   string
	Class     string
}

// Renderer executes the page templates.
type Renderer struct {
	pages map[string]*template.Template
}

// pageNames are the templates that are whole pages; each is parsed with
// layout.html.
var pageNames = []string{"home", "article_new", "article", "question", "feedback", "results", "error",
	"login", "signup", "profile", "users", "learners", "dashboard", "review", "bank", "question_form", "contests",
	"quizzes", "quiz_form", "quiz_start", "quiz_report", "import"}

// NewRenderer parses the embedded templates.
func NewRenderer() (*Renderer, error) {
	r := &Renderer{pages: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", name, err)
		}
		r.pages[name] = t
	}
	return r, nil
}

// Render writes page name with data.
func (r *Renderer) Render(w io.Writer, name string, data any) error {
	t, ok := r.pages[name]
	if !ok {
		return fmt.Errorf("no template %q", name)
	}
	return t.ExecuteTemplate(w, "layout.html", data)
}

var funcs = template.FuncMap{
	"add": func(a, b int) int { return a + b },
	"date": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2 Jan 2006")
	},
	"lower": strings.ToLower,
	// clock writes seconds as minutes and seconds: "12:05".
	"clock": func(seconds int) string { return fmt.Sprintf("%d:%02d", seconds/60, seconds%60) },
	"size":  byteSize,
	"quizForm": func(articleID uint, csrf string, count int, inputID, class string) QuizForm {
		return QuizForm{ArticleID: articleID, CSRF: csrf, Count: count, InputID: inputID, Class: class}
	},
	// keyhint is the key that picks option i (0-based) on the question page.
	"keyhint": func(i int) string {
		if i < 9 {
			return fmt.Sprint(i + 1)
		}
		return ""
	},
}

// byteSize writes a byte count for people: "2 MB", "1.5 MB", "512 KB".
func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + " MB"
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
