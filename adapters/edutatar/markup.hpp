#pragma once
#include <libxml/tree.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

// libxml2 for ЭО РТ pages: charset choice, parsing, and the few DOM walks the page readers need.
namespace jb::edutatar {

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using Doc = std::unique_ptr<xmlDoc, DocFree>;

// The charset of a page: the HTTP header's, else the <meta> tag's, else detected from the bytes
// (valid UTF-8, else windows-1251 or KOI8-R by where the Cyrillic letters fall). Throws when the
// bytes are none of these.
std::string page_charset(std::string_view bytes, std::string_view header_charset, const std::string& name);

// HTML with recovery, decoded from `encoding`; throws when nothing could be parsed.
Doc parse_html(std::string_view bytes, const std::string& encoding, const std::string& name);
// Well-formed XML only: a truncated file is an error naming its line and column.
Doc parse_xml(std::string_view bytes, const std::string& name);

std::string_view tag_of(const xmlNode* node);
bool is_element(const xmlNode* node, std::string_view tag = {});
std::string attribute(const xmlNode* node, const char* name);
bool has_class(const xmlNode* node, std::string_view css_class);
long line_of(const xmlNode* node);

// Text with white space collapsed; <br> and block elements become line breaks, blank lines dropped.
std::string text_of(const xmlNode* node);
// Text on one line.
std::string flat_text_of(const xmlNode* node);

std::vector<xmlNode*> child_elements(const xmlNode* node, std::string_view tag = {});
std::vector<xmlNode*> find_all(xmlNode* root, const std::function<bool(const xmlNode*)>& match);
xmlNode* find_first(xmlNode* root, const std::function<bool(const xmlNode*)>& match);

}  // namespace jb::edutatar
