package httpapi

import (
	"slices"
	"strings"

	"github.com/gin-gonic/gin"
)

// registered lists every route the engine serves, those of the route table
// and those registered beside it (the OpenAPI document and its page), so
// that every 405 can name what is allowed.
func registered(engine *gin.Engine) []route {
	infos := engine.Routes()
	out := make([]route, len(infos))
	for i, info := range infos {
		out[i] = route{method: info.Method, path: info.Path}
	}
	return out
}

// allowHeader lists the methods the route table serves on path, for the
// Allow header of a 405.
func allowHeader(table []route, path string) string {
	var methods []string
	for _, rt := range table {
		if matchTemplate(rt.path, path) && !slices.Contains(methods, rt.method) {
			methods = append(methods, rt.method)
		}
	}
	slices.Sort(methods)
	return strings.Join(methods, ", ")
}

// matchTemplate reports whether path matches a route template, where a
// segment starting with ':' stands for any non-empty segment.
func matchTemplate(template, path string) bool {
	for {
		tSeg, tRest, tMore := strings.Cut(template, "/")
		pSeg, pRest, pMore := strings.Cut(path, "/")
		if tMore != pMore {
			return false
		}
		if strings.HasPrefix(tSeg, "*") {
			return true
		}
		if strings.HasPrefix(tSeg, ":") {
			if pSeg == "" {
				return false
			}
		} else if tSeg != pSeg {
			return false
		}
		if !tMore {
			return true
		}
		template, path = tRest, pRest
	}
}
