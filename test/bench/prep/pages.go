package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"
)

// Deep pages: page 1,000 of 20 starts after item 19,980. The walk uses
// pages of 100 (a cursor does not depend on the page size) and falls back
// to the last whole page of 20 when a list is shorter.
const (
	deepPage   = 1000
	pageSize   = 20
	walkSize   = 100
	listPath   = "/api/v1/direct_conversations"
	listParams = "include=chat,first_user,second_user"
)

var client = &http.Client{Timeout: 30 * time.Second}

// writeDeepPages writes "token path" lines, one per heavy user, where path
// asks for that user's page 1,000 (or last page).
func writeDeepPages(base string, samples []sample, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	for _, s := range samples {
		if s.class != "heavy" {
			continue
		}
		cursor, page, err := deepCursor(base, s.token)
		if err != nil {
			_ = f.Close()
			return err
		}
		fmt.Printf("prep: heavy user %s: page %d\n", s.user, page)
		if _, err := fmt.Fprintf(f, "%s %s?%s&page[after]=%s\n", s.token, listPath, listParams, url.QueryEscape(cursor)); err != nil {
			_ = f.Close()
			return err
		}
	}
	return f.Close()
}

// deepCursor walks the list and returns the cursor that starts the deepest
// page up to deepPage, and that page's number.
func deepCursor(base, token string) (string, int, error) {
	var cursors []string // cursors[i] starts after item (i+1)*walkSize
	after := ""
	for {
		next, err := nextCursor(base, token, walkSize, after)
		if err != nil {
			return "", 0, err
		}
		if next == "" || len(cursors)*walkSize >= (deepPage-1)*pageSize {
			break
		}
		cursors = append(cursors, next)
		after = next
	}
	if len(cursors) == 0 {
		return "", 0, fmt.Errorf("list has fewer than %d items", walkSize)
	}
	skip := min((deepPage-1)*pageSize, len(cursors)*walkSize)
	whole := skip / walkSize
	cursor := cursors[whole-1]
	if rest := skip - whole*walkSize; rest > 0 {
		next, err := nextCursor(base, token, rest, cursor)
		if err != nil {
			return "", 0, err
		}
		cursor = next
	}
	return cursor, skip/pageSize + 1, nil
}

// nextCursor fetches one page and returns the page[after] of its next link.
func nextCursor(base, token string, size int, after string) (string, error) {
	target := base + listPath + "?page[size]=" + strconv.Itoa(size)
	if after != "" {
		target += "&page[after]=" + url.QueryEscape(after)
	}
	req, err := http.NewRequest(http.MethodGet, target, nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer func() { _ = resp.Body.Close() }()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET %s: status %d", target, resp.StatusCode)
	}
	var doc struct {
		Links struct {
			Next *string `json:"next"`
		} `json:"links"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		return "", err
	}
	if doc.Links.Next == nil {
		return "", nil
	}
	u, err := url.Parse(*doc.Links.Next)
	if err != nil {
		return "", err
	}
	return u.Query().Get("page[after]"), nil
}
