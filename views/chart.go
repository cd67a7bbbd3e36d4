package views

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ScorePoint is one finished quiz on the scores chart.
type ScorePoint struct {
	At      time.Time
	Percent int    // 0-100
	Label   string // what the point is: the article's title
	URL     string // the attempt's results
}

// Chart is a line chart of scores over time, drawn as SVG by the
// dashboard template. Its coordinates are worked out here, so the
// template only places elements; it needs no JavaScript.
type Chart struct {
	Width, Height int
	// Plot is the area inside the axes.
	Left, Top, Right, Bottom float64
	Points                   []ChartPoint
	Line                     string // the polyline's points attribute
	YTicks                   []ChartTick
	XTicks                   []ChartTick
	Summary                  string // the chart in words, for screen readers and as its caption
}

// ChartPoint is a plotted score.
type ChartPoint struct {
	X, Y    float64
	Percent int
	Title   string // "Tabankort raid: 70 % on 3 Nov 2026"
	URL     string
}

// ChartTick is a labelled position on an axis.
type ChartTick struct {
	X, Y  float64
	Label string
}

// maxChartPoints keeps the chart readable: the newest scores are drawn.
const maxChartPoints = 60

// NewChart lays out points (oldest first) in a width × height box. The
// points are evenly spaced in the order they were taken, so that a busy
// day does not crowd them; the x axis names the first and last dates.
func NewChart(points []ScorePoint, width, height int) Chart {
	if len(points) > maxChartPoints {
		points = points[len(points)-maxChartPoints:]
	}
	c := Chart{Width: width, Height: height, Left: 40, Top: 12, Right: float64(width) - 16, Bottom: float64(height) - 28}
	for _, p := range []int{0, 50, 100} {
		c.YTicks = append(c.YTicks, ChartTick{X: c.Left, Y: c.y(p), Label: strconv.Itoa(p) + "%"})
	}
	if len(points) == 0 {
		c.Summary = "No finished quizzes yet."
		return c
	}
	var line []string
	for i, p := range points {
		pt := ChartPoint{X: c.x(i, len(points)), Y: c.y(p.Percent), Percent: p.Percent, URL: p.URL,
			Title: fmt.Sprintf("%s: %d%% on %s", p.Label, p.Percent, p.At.Format("2 Jan 2006"))}
		c.Points = append(c.Points, pt)
		line = append(line, fmt.Sprintf("%.1f,%.1f", pt.X, pt.Y))
	}
	c.Line = strings.Join(line, " ")
	first, last := points[0], points[len(points)-1]
	c.XTicks = append(c.XTicks, ChartTick{X: c.Points[0].X, Y: c.Bottom + 18, Label: first.At.Format("2 Jan")})
	if len(points) > 1 && last.At.Format("2 Jan") != first.At.Format("2 Jan") {
		c.XTicks = append(c.XTicks, ChartTick{X: c.Points[len(c.Points)-1].X, Y: c.Bottom + 18, Label: last.At.Format("2 Jan")})
	}
	c.Summary = chartSummary(points)
	return c
}

func (c Chart) x(i, n int) float64 {
	if n == 1 {
		return (c.Left + c.Right) / 2
	}
	return c.Left + 8 + (c.Right-c.Left-16)*float64(i)/float64(n-1)
}

func (c Chart) y(percent int) float64 {
	percent = min(max(percent, 0), 100)
	return c.Bottom - (c.Bottom-c.Top)*float64(percent)/100
}

func chartSummary(points []ScorePoint) string {
	first, last := points[0], points[len(points)-1]
	best := first.Percent
	for _, p := range points {
		best = max(best, p.Percent)
	}
	if len(points) == 1 {
		return fmt.Sprintf("One finished quiz, %d%%, on %s.", first.Percent, first.At.Format("2 Jan 2006"))
	}
	when := "from " + first.At.Format("2 Jan 2006") + " to " + last.At.Format("2 Jan 2006")
	if first.At.Format(time.DateOnly) == last.At.Format(time.DateOnly) {
		when = "on " + first.At.Format("2 Jan 2006")
	}
	return fmt.Sprintf("%d finished quizzes %s: the first scored %d%%, the latest %d%%, the best %d%%.",
		len(points), when, first.Percent, last.Percent, best)
}

// Forecast is a bar chart of the cards due on each of the next days,
// laid out for the dashboard's SVG.
type Forecast struct {
	Width, Height int
	Bars          []ForecastBar
	Summary       string // the forecast in words
}

// ForecastBar is one day's bar.
type ForecastBar struct {
	X, Y, W, H float64
	Count      int
	Label      string // "Today", "Thu"
	LabelX     float64
	LabelY     float64
}

// NewForecast lays out counts, one a day starting today, in a width ×
// height box.
func NewForecast(counts []int, start time.Time, width, height int) Forecast {
	f := Forecast{Width: width, Height: height}
	if len(counts) == 0 {
		return f
	}
	most := 1
	total := 0
	for _, n := range counts {
		most = max(most, n)
		total += n
	}
	const top, bottom = 16.0, 22.0
	slot := float64(width) / float64(len(counts))
	plot := float64(height) - top - bottom
	for i, n := range counts {
		h := plot * float64(n) / float64(most)
		label := start.AddDate(0, 0, i).Format("Mon")
		if i == 0 {
			label = "Today"
		}
		f.Bars = append(f.Bars, ForecastBar{X: slot*float64(i) + slot*0.2, W: slot * 0.6, Y: top + plot - h, H: h,
			Count: n, Label: label, LabelX: slot*float64(i) + slot/2, LabelY: float64(height) - 6})
	}
	cards := "cards"
	if total == 1 {
		cards = "card"
	}
	f.Summary = fmt.Sprintf("%d %s due over the next %d days, %d of them today.", total, cards, len(counts), counts[0])
	return f
}
