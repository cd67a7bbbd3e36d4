// Command wngen builds the compact WordNet 3.0 noun lexicon that package
// questions embeds (lexicon.txt.gz). It reads data.noun, index.noun and
// noun.exc from a WordNet 3.0 dict directory (Debian: package wordnet-base,
// /usr/share/wordnet) and uses only the standard library.
//
//	go run ./internal/wngen -o lexicon.txt.gz
//	go run ./internal/wngen -data /path/to/dict/data.noun -o lexicon.txt.gz
//
// index.noun and noun.exc are looked up beside data.noun unless -index or
// -exc say otherwise.
//
// Output (gzip-compressed UTF-8 text, one record per line, fields separated
// by TAB; indices are decimal line numbers within the S section):
//
//	# comment lines
//	S <n>                                  then n synset lines:
//	<lemmas>\t<parents>\t<containers>
//	L <n>                                  then n lemma lines:
//	<lemma>\t<common>\t<instances>
//	X <n>                                  then n irregular plural lines:
//	<plural>\t<singular>
//
// A synset's <lemmas> are its words joined by ';' (WordNet underscores become
// spaces, capitalisation kept); only instance synsets keep all their words,
// other synsets keep their first (head) word only. <parents> is a
// comma-separated list of hypernym indices, WordNet order; for an instance
// synset it starts with '!' and lists the classes it is an instance of (@i)
// followed by its ordinary hypernyms (@; only 5 instance synsets have any).
// <containers> is the transitive closure of part holonyms (#p) of an
// instance synset, nearest first (breadth-first), empty for other synsets.
//
// A lemma line has the lowercased lemma (spaces for underscores), the index of
// its first (most frequent) non-instance sense or empty, and the
// comma-separated indices of its instance senses in WordNet sense order,
// prefixed with '!' when the lemma's first sense is an instance.
//
// Only synsets reachable from some lemma's first common sense or from an
// instance sense (through parents and containers) are kept.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

type synset struct {
	lemmas     []string
	instOf     []string // @i targets (offsets)
	hypers     []string // @ targets (offsets)
	partHolo   []string // #p targets (offsets)
	isInstance bool
}

func main() {
	dataPath := flag.String("data", "/usr/share/wordnet/data.noun", "path of WordNet 3.0 data.noun")
	indexPath := flag.String("index", "", "path of index.noun (default: beside data.noun)")
	excPath := flag.String("exc", "", "path of noun.exc (default: beside data.noun)")
	out := flag.String("o", "lexicon.txt.gz", "output file")
	flag.Parse()
	dir := filepath.Dir(*dataPath)
	if *indexPath == "" {
		*indexPath = filepath.Join(dir, "index.noun")
	}
	if *excPath == "" {
		*excPath = filepath.Join(dir, "noun.exc")
	}

	syn, order, err := readData(*dataPath)
	if err != nil {
		log.Fatal(err)
	}
	lemmas, err := readIndex(*indexPath, syn)
	if err != nil {
		log.Fatal(err)
	}
	exc, err := readExc(*excPath)
	if err != nil {
		log.Fatal(err)
	}
	if err := write(*out, syn, order, lemmas, exc); err != nil {
		log.Fatal(err)
	}
}

func readData(path string) (map[string]*synset, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	syn := make(map[string]*synset, 90000)
	var order []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || line == "" {
			continue // licence header
		}
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i] // drop gloss
		}
		fs := strings.Fields(line)
		// offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [ptr offset pos src/tgt]...
		if len(fs) < 4 || fs[2] != "n" {
			return nil, nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		wc, err := strconv.ParseInt(fs[3], 16, 32)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: bad w_cnt in %q", path, line)
		}
		s := &synset{}
		k := 4
		for j := 0; j < int(wc); j++ {
			s.lemmas = append(s.lemmas, strings.ReplaceAll(fs[k], "_", " "))
			k += 2
		}
		pc, err := strconv.Atoi(fs[k])
		if err != nil {
			return nil, nil, fmt.Errorf("%s: bad p_cnt in %q", path, line)
		}
		k++
		for j := 0; j < pc; j++ {
			sym, off, pos := fs[k], fs[k+1], fs[k+2]
			k += 4
			if pos != "n" {
				continue
			}
			switch sym {
			case "@i":
				s.instOf = append(s.instOf, off)
				s.isInstance = true
			case "@":
				s.hypers = append(s.hypers, off)
			case "#p":
				s.partHolo = append(s.partHolo, off)
			}
		}
		syn[fs[0]] = s
		order = append(order, fs[0])
	}
	return syn, order, sc.Err()
}

type lemma struct {
	key       string
	common    string   // offset of first non-instance sense, or ""
	instFirst bool     // sense 1 is an instance
	inst      []string // offsets of instance senses
}

func readIndex(path string, syn map[string]*synset) ([]lemma, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []lemma
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") || line == "" {
			continue
		}
		// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
		fs := strings.Fields(line)
		if len(fs) < 6 {
			return nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		n, err1 := strconv.Atoi(fs[2])
		if err1 != nil || n < 1 || len(fs) < n {
			return nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		offs := fs[len(fs)-n:]
		l := lemma{key: strings.ToLower(strings.ReplaceAll(fs[0], "_", " "))}
		for _, off := range offs {
			s := syn[off]
			if s == nil {
				return nil, fmt.Errorf("%s: %s: unknown synset %s", path, fs[0], off)
			}
			if s.isInstance {
				if len(l.inst) == 0 && l.common == "" {
					l.instFirst = true
				}
				l.inst = append(l.inst, off)
			} else if l.common == "" {
				l.common = off
			}
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

func readExc(path string) ([][2]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out [][2]string
	for _, line := range strings.Split(string(b), "\n") {
		fs := strings.Fields(line)
		if len(fs) < 2 {
			continue
		}
		out = append(out, [2]string{strings.ReplaceAll(fs[0], "_", " "), strings.ReplaceAll(fs[1], "_", " ")})
	}
	return out, nil
}

// containers returns the transitive part holonyms of off, breadth-first.
func containers(syn map[string]*synset, off string) []string {
	seen := map[string]bool{off: true}
	var out []string
	queue := []string{off}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, h := range syn[cur].partHolo {
			if !seen[h] {
				seen[h] = true
				out = append(out, h)
				queue = append(queue, h)
			}
		}
	}
	return out
}

func write(path string, syn map[string]*synset, order []string, lemmas []lemma, exc [][2]string) error {
	// Mark reachable synsets.
	keep := make(map[string]bool)
	cont := make(map[string][]string)
	var visit func(off string)
	visit = func(off string) {
		if keep[off] {
			return
		}
		keep[off] = true
		s := syn[off]
		for _, p := range s.instOf {
			visit(p)
		}
		for _, p := range s.hypers {
			visit(p)
		}
		if s.isInstance {
			c := containers(syn, off)
			cont[off] = c
			for _, h := range c {
				visit(h)
			}
		}
	}
	for _, l := range lemmas {
		if l.common != "" {
			visit(l.common)
		}
		for _, off := range l.inst {
			visit(off)
		}
	}
	idx := make(map[string]int, len(keep))
	var kept []string
	for _, off := range order {
		if keep[off] {
			idx[off] = len(kept)
			kept = append(kept, off)
		}
	}
	join := func(offs []string) string {
		var b strings.Builder
		for i, o := range offs {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(idx[o]))
		}
		return b.String()
	}

	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# WordNet 3.0 noun lexicon for package questions, generated by questions/internal/wngen.")
	fmt.Fprintln(w, "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. See WORDNET-LICENSE.")
	fmt.Fprintf(w, "S %d\n", len(kept))
	nInst := 0
	for _, off := range kept {
		s := syn[off]
		words := s.lemmas[:1]
		parents := join(s.hypers)
		if s.isInstance {
			nInst++
			words = s.lemmas
			parents = "!" + join(append(slices.Clone(s.instOf), s.hypers...))
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", strings.Join(words, ";"), parents, join(cont[off]))
	}
	fmt.Fprintf(w, "L %d\n", len(lemmas))
	nCommon, nInstLemma := 0, 0
	for _, l := range lemmas {
		common := ""
		if l.common != "" {
			common = strconv.Itoa(idx[l.common])
			nCommon++
		}
		if len(l.inst) > 0 {
			nInstLemma++
		}
		inst := join(l.inst)
		if l.instFirst {
			inst = "!" + inst
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", l.key, common, inst)
	}
	fmt.Fprintf(w, "X %d\n", len(exc))
	for _, e := range exc {
		fmt.Fprintf(w, "%s\t%s\n", e[0], e[1])
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wngen: %d synsets kept of %d (%d instances), %d lemmas (%d with a common sense, %d names with instance senses), %d irregular plurals -> %s\n",
		len(kept), len(order), nInst, len(lemmas), nCommon, nInstLemma, len(exc), path)
	return nil
}
