package views

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// scores makes one finished quiz a day from 1 November 2026 with the
// given percents.
func scores(percents ...int) []ScorePoint {
	var pts []ScorePoint
	for i, p := range percents {
		pts = append(pts, ScorePoint{At: time.Date(2026, 11, 1+i, 9, 0, 0, 0, time.UTC), Percent: p,
			Label: fmt.Sprintf("Quiz %d", i+1), URL: fmt.Sprintf("/attempts/%d/results", i+1)})
	}
	return pts
}

func TestNewChartEmpty(t *testing.T) {
	c := NewChart(nil, 640, 240)
	if len(c.Points) != 0 || c.Line != "" || len(c.XTicks) != 0 {
		t.Errorf("empty chart has points %v, line %q, x ticks %v", c.Points, c.Line, c.XTicks)
	}
	if c.Summary != "No finished quizzes yet." {
		t.Errorf("Summary = %q", c.Summary)
	}
	if c.Width != 640 || c.Height != 240 {
		t.Errorf("size %d × %d, want 640 × 240", c.Width, c.Height)
	}
	if len(c.YTicks) != 3 {
		t.Errorf("%d y ticks, want 0%%, 50%% and 100%%", len(c.YTicks))
	}
}

func TestNewChartOnePoint(t *testing.T) {
	c := NewChart(scores(70), 640, 240)
	if len(c.Points) != 1 {
		t.Fatalf("%d points, want 1", len(c.Points))
	}
	p := c.Points[0]
	if want := (c.Left + c.Right) / 2; p.X != want {
		t.Errorf("X = %v, want the middle %v", p.X, want)
	}
	if p.Y <= c.Top || p.Y >= c.Bottom {
		t.Errorf("Y = %v, outside the plot %v..%v", p.Y, c.Top, c.Bottom)
	}
	if p.Title != "Quiz 1: 70% on 1 Nov 2026" || p.URL != "/attempts/1/results" || p.Percent != 70 {
		t.Errorf("point = %+v", p)
	}
	if len(c.XTicks) != 1 || c.XTicks[0].Label != "1 Nov" || c.XTicks[0].X != p.X {
		t.Errorf("XTicks = %+v, want one at the point named 1 Nov", c.XTicks)
	}
	if c.Summary != "One finished quiz, 70%, on 1 Nov 2026." {
		t.Errorf("Summary = %q", c.Summary)
	}
}

func TestNewChartSeveral(t *testing.T) {
	c := NewChart(scores(0, 50, 100, 20), 640, 240)
	if len(c.Points) != 4 {
		t.Fatalf("%d points, want 4", len(c.Points))
	}
	for i := 1; i < len(c.Points); i++ {
		if c.Points[i].X <= c.Points[i-1].X {
			t.Errorf("point %d at X %v is not right of point %d at %v", i, c.Points[i].X, i-1, c.Points[i-1].X)
		}
	}
	first, last := c.Points[0], c.Points[3]
	if first.X <= c.Left || last.X >= c.Right {
		t.Errorf("points from X %v to %v, outside the plot %v..%v", first.X, last.X, c.Left, c.Right)
	}
	// SVG's y grows downwards: 100% is at the top.
	if y := c.Points[0].Y; y != c.Bottom {
		t.Errorf("0%% at Y %v, want the bottom %v", y, c.Bottom)
	}
	if y := c.Points[2].Y; y != c.Top {
		t.Errorf("100%% at Y %v, want the top %v", y, c.Top)
	}
	if y := c.Points[1].Y; y != (c.Top+c.Bottom)/2 {
		t.Errorf("50%% at Y %v, want the middle %v", y, (c.Top+c.Bottom)/2)
	}
	if c.Points[3].Y >= c.Points[0].Y || c.Points[3].Y <= c.Points[1].Y {
		t.Errorf("20%% at Y %v, not between 0%% and 50%%", c.Points[3].Y)
	}
	if n := len(strings.Fields(c.Line)); n != 4 {
		t.Errorf("Line %q has %d points, want 4", c.Line, n)
	}
	if want := fmt.Sprintf("%.1f,%.1f", first.X, first.Y); !strings.HasPrefix(c.Line, want+" ") {
		t.Errorf("Line %q does not start at the first point %s", c.Line, want)
	}
	for i, tick := range c.YTicks {
		want := []string{"0%", "50%", "100%"}[i]
		if tick.Label != want || tick.X != c.Left || tick.Y != c.y([]int{0, 50, 100}[i]) {
			t.Errorf("YTicks[%d] = %+v, want %s at the left axis", i, tick, want)
		}
	}
}

func TestNewChartClamps(t *testing.T) {
	c := NewChart(scores(150, -20), 640, 240)
	if y := c.Points[0].Y; y != c.Top {
		t.Errorf("150%% at Y %v, want the top %v", y, c.Top)
	}
	if y := c.Points[1].Y; y != c.Bottom {
		t.Errorf("-20%% at Y %v, want the bottom %v", y, c.Bottom)
	}
}

func TestNewChartKeepsNewest(t *testing.T) {
	percents := make([]int, 75)
	for i := range percents {
		percents[i] = i
	}
	c := NewChart(scores(percents...), 640, 240)
	if len(c.Points) != maxChartPoints {
		t.Fatalf("%d points, want %d", len(c.Points), maxChartPoints)
	}
	if p := c.Points[0]; p.Percent != 15 || p.URL != "/attempts/16/results" {
		t.Errorf("first point kept = %+v, want the 16th quiz", p)
	}
	if p := c.Points[maxChartPoints-1]; p.Percent != 74 {
		t.Errorf("last point = %+v, want the 75th quiz", p)
	}
	if !strings.HasPrefix(c.Summary, "60 finished quizzes from 16 Nov 2026 to ") {
		t.Errorf("Summary = %q", c.Summary)
	}
}

func TestNewChartXTicks(t *testing.T) {
	sameDay := scores(10, 20)
	sameDay[1].At = sameDay[0].At.Add(3 * time.Hour)
	for _, tt := range []struct {
		name   string
		points []ScorePoint
		want   []string
	}{
		{"several days", scores(10, 20, 30), []string{"1 Nov", "3 Nov"}},
		{"one day", sameDay, []string{"1 Nov"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := NewChart(tt.points, 640, 240)
			var got []string
			for _, tick := range c.XTicks {
				got = append(got, tick.Label)
				if tick.Y <= c.Bottom || tick.Y >= float64(c.Height) {
					t.Errorf("tick %q at Y %v, not under the plot (%v) inside the chart (%d)", tick.Label, tick.Y, c.Bottom, c.Height)
				}
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("XTicks %q, want %q", got, tt.want)
			}
			if first := c.XTicks[0]; first.X != c.Points[0].X {
				t.Errorf("first tick at X %v, want under the first point %v", first.X, c.Points[0].X)
			}
			if last := c.XTicks[len(c.XTicks)-1]; len(tt.want) > 1 && last.X != c.Points[len(c.Points)-1].X {
				t.Errorf("last tick at X %v, want under the last point %v", last.X, c.Points[len(c.Points)-1].X)
			}
		})
	}
}

func TestNewChartSummary(t *testing.T) {
	c := NewChart(scores(40, 95, 60), 640, 240)
	want := "3 finished quizzes from 1 Nov 2026 to 3 Nov 2026: the first scored 40%, the latest 60%, the best 95%."
	if c.Summary != want {
		t.Errorf("Summary = %q, want %q", c.Summary, want)
	}
}

func TestNewForecast(t *testing.T) {
	tuesday := time.Date(2026, 11, 3, 18, 30, 0, 0, time.UTC)
	f := NewForecast([]int{3, 0, 6, 1, 0, 0, 2}, tuesday, 320, 120)
	if f.Width != 320 || f.Height != 120 {
		t.Errorf("size %d × %d, want 320 × 120", f.Width, f.Height)
	}
	if len(f.Bars) != 7 {
		t.Fatalf("%d bars, want 7", len(f.Bars))
	}
	var labels []string
	for _, b := range f.Bars {
		labels = append(labels, b.Label)
	}
	if got, want := strings.Join(labels, " "), "Today Wed Thu Fri Sat Sun Mon"; got != want {
		t.Errorf("labels %q, want %q", got, want)
	}
	// The tallest bar takes the full height, leaving room above for its
	// count and below for the day.
	tallest := f.Bars[2]
	base := tallest.Y + tallest.H
	if tallest.Y < 12 || base >= float64(f.Height)-12 || tallest.H < float64(f.Height)/2 {
		t.Errorf("the tallest bar spans Y %v..%v in a chart %d high", tallest.Y, base, f.Height)
	}
	for _, counts := range [][]int{{1}, {0, 250, 3}} {
		g := NewForecast(counts, tuesday, 320, 120)
		var most ForecastBar
		for _, b := range g.Bars {
			if b.H > most.H {
				most = b
			}
		}
		if most.H != tallest.H || most.Y != tallest.Y {
			t.Errorf("the tallest bar of %v spans Y %v..%v, want %v..%v as for any counts", counts, most.Y, most.Y+most.H, tallest.Y, base)
		}
	}
	for i, b := range f.Bars {
		if b.Count != []int{3, 0, 6, 1, 0, 0, 2}[i] {
			t.Errorf("bar %d counts %d", i, b.Count)
		}
		if b.H > tallest.H {
			t.Errorf("bar %d (%d) is taller than the tallest (%d)", i, b.Count, tallest.Count)
		}
		// Bars stand on one base line, their heights in proportion.
		if b.Y+b.H != base {
			t.Errorf("bar %d ends at Y %v, not on the base line %v", i, b.Y+b.H, base)
		}
		if want := tallest.H * float64(b.Count) / 6; math.Abs(b.H-want) > 1e-9 {
			t.Errorf("bar %d (%d) is %v high, want %v", i, b.Count, b.H, want)
		}
		if b.Count == 0 && b.H != 0 {
			t.Errorf("bar %d counts 0 but is %v high", i, b.H)
		}
		if b.X < 0 || b.W <= 0 || b.X+b.W > float64(f.Width) {
			t.Errorf("bar %d spans X %v..%v, outside the chart's width %d", i, b.X, b.X+b.W, f.Width)
		}
		if i > 0 && b.X <= f.Bars[i-1].X+f.Bars[i-1].W {
			t.Errorf("bar %d at X %v overlaps bar %d", i, b.X, i-1)
		}
		if math.Abs(b.LabelX-(b.X+b.W/2)) > 1e-9 {
			t.Errorf("bar %d's label at X %v, not under its middle %v", i, b.LabelX, b.X+b.W/2)
		}
		if b.LabelY <= base || b.LabelY >= float64(f.Height) {
			t.Errorf("bar %d's label at Y %v, not under the bars (%v) inside the chart (%d)", i, b.LabelY, base, f.Height)
		}
	}
	if want := "12 cards due over the next 7 days, 3 of them today."; f.Summary != want {
		t.Errorf("Summary = %q, want %q", f.Summary, want)
	}
}

func TestNewForecastZeros(t *testing.T) {
	f := NewForecast(make([]int, 7), time.Date(2026, 11, 3, 0, 0, 0, 0, time.UTC), 320, 120)
	if len(f.Bars) != 7 {
		t.Fatalf("%d bars, want 7", len(f.Bars))
	}
	for i, b := range f.Bars {
		if b.H != 0 || math.IsNaN(b.Y) {
			t.Errorf("bar %d: Y %v, H %v; want no height", i, b.Y, b.H)
		}
	}
	if want := "0 cards due over the next 7 days, 0 of them today."; f.Summary != want {
		t.Errorf("Summary = %q, want %q", f.Summary, want)
	}
}

func TestNewForecastEmpty(t *testing.T) {
	f := NewForecast(nil, time.Now(), 320, 120)
	if len(f.Bars) != 0 || f.Summary != "" {
		t.Errorf("no counts gave bars %v, summary %q", f.Bars, f.Summary)
	}
}
