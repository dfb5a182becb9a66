// Command fenquan-checker checks a Fenquan county ledger with Go's reference transparency-log
// packages (golang.org/x/mod/sumdb/note and sumdb/tlog), never with Fenquan's own code:
//
//   - the checkpoint at URL/checkpoint is a signed note verified by the given vkey;
//   - the hash tiles at URL/tile/... are consistent with the checkpoint's root
//     (tlog's tile reader checks every tile it loads against the tree);
//   - optionally, an older checkpoint (a file) is a prefix of the current one, with Fenquan's
//     consistency proof from URL/consistency and with one tlog computes from the tiles;
//   - optionally, a leaf hash is in the tree at an index, with an inclusion proof from Fenquan.
//
// Build in GOPATH mode (Debian: golang-go, golang-golang-x-mod-dev):
//
//	GO111MODULE=off GOPATH=$PWD/tools/go-checker:/usr/share/gocode go build -o fenquan-checker fenquan-checker
package main

import (
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func main() {
	base := flag.String("url", "", "the county's transparency prefix, e.g. http://host/transparency/<county>")
	vkey := flag.String("vkey", "", "the log's verifier key (name+id+key)")
	old := flag.String("old", "", "a file with an earlier checkpoint that the current one must extend")
	leaf := flag.Int64("leaf", -1, "index of a leaf whose inclusion to check")
	leafHash := flag.String("leafhash", "", "base64 leaf hash at -leaf")
	proof := flag.String("proof", "", "comma-separated base64 inclusion proof for -leaf (from Fenquan)")
	flag.Parse()
	if err := run(*base, *vkey, *old, *leaf, *leafHash, *proof); err != nil {
		fmt.Fprintln(os.Stderr, "FAIL:", err)
		os.Exit(1)
	}
}

func run(base, vkey, oldFile string, leaf int64, leafHash, proof string) error {
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		return fmt.Errorf("vkey: %v", err)
	}
	text, err := get(base + "/checkpoint")
	if err != nil {
		return err
	}
	tree, origin, err := open(text, verifier)
	if err != nil {
		return fmt.Errorf("checkpoint: %v", err)
	}
	fmt.Printf("checkpoint %s size %d root %s: signature OK\n", origin, tree.N, tree.Hash)

	reader := tlog.TileHashReader(tree, &tiles{base: base})
	root, err := tlog.TreeHash(tree.N, reader)
	if err != nil {
		return fmt.Errorf("tiles: %v", err)
	}
	if root != tree.Hash {
		return fmt.Errorf("tiles give root %s, checkpoint says %s", root, tree.Hash)
	}
	fmt.Println("tiles: root OK")

	if oldFile != "" {
		data, err := os.ReadFile(oldFile)
		if err != nil {
			return err
		}
		older, _, err := open(data, verifier)
		if err != nil {
			return fmt.Errorf("old checkpoint: %v", err)
		}
		if older.N > tree.N {
			return fmt.Errorf("rollback: kept checkpoint has size %d root %s, log now has size %d root %s", older.N, older.Hash, tree.N, tree.Hash)
		}
		served, err := get(fmt.Sprintf("%s/consistency?from=%d&to=%d", base, older.N, tree.N))
		if err != nil {
			return err
		}
		p, err := hashes(strings.Split(strings.TrimSpace(string(served)), "\n"))
		if err != nil {
			return err
		}
		if err := tlog.CheckTree(p, tree.N, tree.Hash, older.N, older.Hash); err != nil {
			return fmt.Errorf("fork: Fenquan's consistency proof from size %d root %s to size %d root %s: %v", older.N, older.Hash, tree.N, tree.Hash, err)
		}
		computed, err := tlog.ProveTree(tree.N, older.N, reader)
		if err != nil {
			return fmt.Errorf("consistency from tiles: %v", err)
		}
		if err := tlog.CheckTree(computed, tree.N, tree.Hash, older.N, older.Hash); err != nil {
			return fmt.Errorf("fork: tiles' consistency proof from size %d root %s: %v", older.N, older.Hash, err)
		}
		fmt.Printf("consistency %d -> %d: OK\n", older.N, tree.N)
	}

	if leaf >= 0 {
		h, err := hashes([]string{leafHash})
		if err != nil {
			return err
		}
		var parts []string
		if proof != "" {
			parts = strings.Split(proof, ",")
		}
		p, err := hashes(parts)
		if err != nil {
			return err
		}
		if err := tlog.CheckRecord(p, tree.N, tree.Hash, leaf, h[0]); err != nil {
			return fmt.Errorf("inclusion of leaf %d: %v", leaf, err)
		}
		fmt.Printf("inclusion of leaf %d: OK\n", leaf)
	}
	return nil
}

// open verifies a checkpoint note and parses its body (C2SP tlog-checkpoint: origin, size, base64 root).
func open(text []byte, verifier note.Verifier) (tlog.Tree, string, error) {
	n, err := note.Open(text, note.VerifierList(verifier))
	if err != nil {
		return tlog.Tree{}, "", err
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 {
		return tlog.Tree{}, "", errors.New("not a checkpoint")
	}
	if lines[0] != verifier.Name() {
		return tlog.Tree{}, "", fmt.Errorf("origin %q is not the key's name %q", lines[0], verifier.Name())
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 {
		return tlog.Tree{}, "", fmt.Errorf("bad size %q", lines[1])
	}
	h, err := hashes(lines[2:3])
	if err != nil {
		return tlog.Tree{}, "", err
	}
	return tlog.Tree{N: size, Hash: h[0]}, lines[0], nil
}

func hashes(lines []string) ([]tlog.Hash, error) {
	var out []tlog.Hash
	for _, line := range lines {
		if line == "" {
			continue
		}
		b, err := base64.StdEncoding.DecodeString(line)
		if err != nil || len(b) != tlog.HashSize {
			return nil, fmt.Errorf("bad hash %q", line)
		}
		var h tlog.Hash
		copy(h[:], b)
		out = append(out, h)
	}
	return out, nil
}

func get(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return body, nil
}

// tiles fetches C2SP tiles: tlog's paths carry the height (tile/8/L/N), C2SP's do not (tile/L/N).
type tiles struct{ base string }

func (t *tiles) Height() int { return 8 }

func (t *tiles) ReadTiles(list []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(list))
	for i, tile := range list {
		path := strings.Replace(tile.Path(), "tile/8/", "tile/", 1)
		data, err := get(t.base + "/" + path)
		if err != nil {
			return nil, err
		}
		out[i] = data
	}
	return out, nil
}

func (t *tiles) SaveTiles(list []tlog.Tile, data [][]byte) {}
