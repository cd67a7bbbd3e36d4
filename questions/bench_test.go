package questions

import (
	"bytes"
	"strconv"
	"testing"
)

func benchmarkGenerate(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := ParseArticle(data)
		if err != nil {
			b.Fatal(err)
		}
		Generate(a, ExtractFacts(a), Options{})
	}
}

// BenchmarkGenerate measures the whole pipeline, text to ranked questions,
// on the seed article (the sample embedded in the binary, so that it needs
// no file outside the repository) and on articles made of its sections
// repeated to 128 KB and 1 MB.
func BenchmarkGenerate(b *testing.B) {
	seed := sampleArticle(b)
	b.Run("seed", func(b *testing.B) { benchmarkGenerate(b, seed) })
	for _, size := range []int{128 << 10, 1 << 20} {
		b.Run(byteSize(size), func(b *testing.B) { benchmarkGenerate(b, grow(seed, size)) })
	}
}

// grow repeats the body of an article (everything after its infobox) under
// numbered section headings until the text reaches size bytes.
func grow(article []byte, size int) []byte {
	i := bytes.Index(article, []byte("\n== "))
	head, body := article[:i+1], article[i+1:]
	var buf bytes.Buffer
	buf.Write(head)
	for n := 1; buf.Len()+len(body) < size; n++ {
		buf.Write(body)
		buf.WriteString("\n")
	}
	return buf.Bytes()
}

func byteSize(n int) string {
	if n >= 1<<20 {
		return strconv.Itoa(n>>20) + "MB"
	}
	return strconv.Itoa(n>>10) + "KB"
}
