package web

import "strings"

// diffLine is one line of a line diff: kept, added or removed.
type diffLine struct {
	Op   string // "same", "add", "del"
	Text string
}

// maxDiffCells bounds the work of a diff (lines of a times lines of b):
// beyond it the two texts are shown as all removed and all added, which is
// still true, only less helpful.
const maxDiffCells = 4_000_000

// lineDiff returns the lines of b against a by longest common subsequence,
// so that a reader sees what a new version of a source (or a chapter)
// changed.
func lineDiff(a, b string) []diffLine {
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	if a == "" {
		x = nil
	}
	if b == "" {
		y = nil
	}
	n, m := len(x), len(y)
	if n*m > maxDiffCells {
		var out []diffLine
		for _, l := range x {
			out = append(out, diffLine{"del", l})
		}
		for _, l := range y {
			out = append(out, diffLine{"add", l})
		}
		return out
	}
	// lcs[i][j] is the length of the longest common subsequence of x[i:], y[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []diffLine
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case x[i] == y[j]:
			out = append(out, diffLine{"same", x[i]})
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, diffLine{"del", x[i]})
			i++
		default:
			out = append(out, diffLine{"add", y[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, diffLine{"del", x[i]})
	}
	for ; j < m; j++ {
		out = append(out, diffLine{"add", y[j]})
	}
	return out
}

// diffChanged reports whether a diff has any added or removed line.
func diffChanged(d []diffLine) bool {
	for _, l := range d {
		if l.Op != "same" {
			return true
		}
	}
	return false
}
