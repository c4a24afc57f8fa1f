#include "adapters/edutatar/markup.hpp"

#include <iconv.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <cctype>
#include <climits>

#include "core/error.hpp"
#include "core/subject_names.hpp"

namespace jb::edutatar {
namespace {

struct ParserFree {
    void operator()(xmlParserCtxt* context) const { xmlFreeParserCtxt(context); }
};

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string normalise_charset(std::string_view raw) {
    std::string name = lower_ascii(raw);
    if (name == "utf8") return "utf-8";
    if (name == "cp1251" || name == "win-1251" || name == "windows1251" || name == "x-cp1251") return "windows-1251";
    if (name == "koi8r") return "koi8-r";
    return name;
}

// charset= inside a <meta …> among the first bytes.
std::string meta_charset(std::string_view bytes) {
    std::string head = lower_ascii(bytes.substr(0, 16 * 1024));
    for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
        std::size_t end = head.find('>', at);
        if (end == std::string::npos) break;
        std::size_t charset = head.find("charset=", at);
        if (charset == std::string::npos || charset > end) continue;
        std::size_t from = charset + 8;
        while (from < end && (head[from] == '"' || head[from] == '\'' || head[from] == ' ')) ++from;
        std::size_t to = from;
        while (to < end && (std::isalnum(static_cast<unsigned char>(head[to])) || head[to] == '-' || head[to] == '_'))
            ++to;
        if (to > from) return head.substr(from, to - from);
    }
    return {};
}

// Offset of the first byte that breaks UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view bytes) {
    std::size_t i = 0;
    while (i < bytes.size()) {
        auto c = static_cast<unsigned char>(bytes[i]);
        std::size_t extra = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) extra = 1;
        else if (c >= 0xE0 && c <= 0xEF) extra = 2;
        else if (c >= 0xF0 && c <= 0xF4) extra = 3;
        else return i;
        if (i + extra >= bytes.size()) return i;
        for (std::size_t k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80) return i;
        i += extra + 1;
    }
    return std::string_view::npos;
}

bool valid_utf8(std::string_view bytes) { return first_invalid_utf8(bytes) == std::string_view::npos; }

std::string detect_charset(std::string_view bytes, const std::string& name) {
    if (valid_utf8(bytes)) return "utf-8";
    std::size_t high = 0, upper_half = 0, lower_half = 0;
    for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) continue;
        ++high;
        if (c >= 0xE0) ++upper_half;
        else if (c >= 0xC0) ++lower_half;
    }
    // Russian text is mostly lower case: 0xE0–0xFF in windows-1251, 0xC0–0xDF in KOI8-R.
    if ((upper_half + lower_half) * 10 >= high * 8) return upper_half >= lower_half ? "windows-1251" : "koi8-r";
    throw Error(name + ": the text is neither UTF-8 nor Cyrillic windows-1251/KOI8-R and declares no charset; "
                       "re-save the page from the browser as UTF-8");
}

// libxml2 reports some errors (encoding, I/O) on stderr whatever the parse options say; every
// error that matters is turned into a jb::Error here instead.
void ignore_libxml_message(void*, const char*, ...) {}

void silence_libxml() {
    thread_local bool silenced = false;
    if (silenced) return;
    xmlSetGenericErrorFunc(nullptr, ignore_libxml_message);
    silenced = true;
}

std::string hex_byte(unsigned char byte) {
    static const char* digits = "0123456789ABCDEF";
    return std::string("0x") + digits[byte >> 4] + digits[byte & 15];
}

// The page as UTF-8, or an error naming the first byte that is not `charset`: a page is never
// parsed half (libxml2 stops at a bad byte and keeps what came before).
std::string to_utf8(std::string_view bytes, const std::string& charset, const std::string& name) {
    if (charset == "utf-8") {
        if (std::size_t at = first_invalid_utf8(bytes); at != std::string_view::npos) {
            throw Error(name + ": byte " + std::to_string(at) + " is not UTF-8, though the page is said to be UTF-8 "
                               "(damaged or mislabelled page; re-save it from the browser)");
        }
        return std::string(bytes);
    }
    iconv_t converter = iconv_open("UTF-8", charset.c_str());
    if (converter == reinterpret_cast<iconv_t>(-1)) throw Error(name + ": unknown charset «" + charset + "»");
    std::string out(bytes.size() * 3 + 16, '\0');
    char* in_ptr = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    std::size_t result = iconv(converter, &in_ptr, &in_left, &out_ptr, &out_left);
    iconv_close(converter);
    if (result == static_cast<std::size_t>(-1)) {
        std::size_t at = bytes.size() - in_left;
        throw Error(name + ": byte " + std::to_string(at) + " (" + hex_byte(static_cast<unsigned char>(bytes[at])) +
                    ") is not a " + charset + " character (damaged or mislabelled page; re-save it from the browser)");
    }
    out.resize(out.size() - out_left);
    return out;
}

void append_text(const xmlNode* node, std::string& out) {
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
            if (child->content) out += reinterpret_cast<const char*>(child->content);
        } else if (child->type == XML_ELEMENT_NODE) {
            std::string_view tag = tag_of(child);
            bool block = tag == "p" || tag == "div" || tag == "tr" || tag == "li";
            if (tag == "br" || block) out += '\n';
            append_text(child, out);
            if (block) out += '\n';
        }
    }
}

void collect(xmlNode* node, const std::function<bool(const xmlNode*)>& match, std::vector<xmlNode*>& out,
             bool first_only) {
    for (xmlNode* child = node->children; child; child = child->next) {
        if (child->type != XML_ELEMENT_NODE) continue;
        if (match(child)) {
            out.push_back(child);
            if (first_only) return;
        }
        collect(child, match, out, first_only);
        if (first_only && !out.empty()) return;
    }
}

}  // namespace

std::string page_charset(std::string_view bytes, std::string_view header_charset, const std::string& name) {
    if (!header_charset.empty()) return normalise_charset(header_charset);
    if (std::string meta = meta_charset(bytes); !meta.empty()) return normalise_charset(meta);
    return detect_charset(bytes, name);
}

Doc parse_html(std::string_view bytes, const std::string& encoding, const std::string& name) {
    if (bytes.size() > INT_MAX / 4) throw Error(name + ": page too large");
    silence_libxml();
    std::string utf8 = to_utf8(bytes, encoding, name);
    std::unique_ptr<xmlParserCtxt, ParserFree> context(htmlNewParserCtxt());
    if (!context) throw Error(name + ": out of memory");
    Doc doc(htmlCtxtReadMemory(context.get(), utf8.data(), static_cast<int>(utf8.size()), name.c_str(), "UTF-8",
                               HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                   HTML_PARSE_IGNORE_ENC));
    if (!doc || !xmlDocGetRootElement(doc.get()))
        throw Error(name + ": not an HTML page (empty, or charset «" + encoding + "» unknown)");
    return doc;
}

Doc parse_xml(std::string_view bytes, const std::string& name) {
    if (bytes.size() > INT_MAX) throw Error(name + ": file too large");
    silence_libxml();
    std::unique_ptr<xmlParserCtxt, ParserFree> context(xmlNewParserCtxt());
    if (!context) throw Error(name + ": out of memory");
    Doc doc(xmlCtxtReadMemory(context.get(), bytes.data(), static_cast<int>(bytes.size()), name.c_str(), nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!doc || !context->wellFormed) {
        const xmlError* error = xmlCtxtGetLastError(context.get());
        std::string message = error && error->message ? collapse_spaces(error->message) : "not well-formed";
        std::size_t line = error && error->line > 0 ? static_cast<std::size_t>(error->line) : 0;
        std::size_t column = error && error->int2 > 0 ? static_cast<std::size_t>(error->int2) : 0;
        throw input_error(name, line, column, "malformed XML (truncated or damaged file?): " + message);
    }
    if (!xmlDocGetRootElement(doc.get())) throw Error(name + ": empty XML document");
    return doc;
}

std::string_view tag_of(const xmlNode* node) {
    return node && node->name ? std::string_view(reinterpret_cast<const char*>(node->name)) : std::string_view();
}

bool is_element(const xmlNode* node, std::string_view tag) {
    return node && node->type == XML_ELEMENT_NODE && (tag.empty() || tag_of(node) == tag);
}

std::string attribute(const xmlNode* node, const char* name) {
    if (!is_element(node)) return {};
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value) return {};
    std::string result(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return result;
}

bool has_class(const xmlNode* node, std::string_view css_class) {
    std::string classes = attribute(node, "class");
    std::size_t at = 0;
    while (at < classes.size()) {
        std::size_t end = classes.find_first_of(" \t\n", at);
        if (end == std::string::npos) end = classes.size();
        if (std::string_view(classes).substr(at, end - at) == css_class) return true;
        at = end + 1;
    }
    return false;
}

long line_of(const xmlNode* node) { return node ? xmlGetLineNo(node) : 0; }

std::string text_of(const xmlNode* node) {
    std::string raw;
    if (node) append_text(node, raw);
    std::string out;
    std::size_t at = 0;
    while (at <= raw.size()) {
        std::size_t end = raw.find('\n', at);
        if (end == std::string::npos) end = raw.size();
        std::string line = collapse_spaces(std::string_view(raw).substr(at, end - at));
        if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
        at = end + 1;
    }
    return out;
}

std::string flat_text_of(const xmlNode* node) { return collapse_spaces(text_of(node)); }

std::vector<xmlNode*> child_elements(const xmlNode* node, std::string_view tag) {
    std::vector<xmlNode*> out;
    if (!node) return out;
    for (xmlNode* child = node->children; child; child = child->next)
        if (is_element(child, tag)) out.push_back(child);
    return out;
}

std::vector<xmlNode*> find_all(xmlNode* root, const std::function<bool(const xmlNode*)>& match) {
    std::vector<xmlNode*> out;
    if (root) collect(root, match, out, false);
    return out;
}

xmlNode* find_first(xmlNode* root, const std::function<bool(const xmlNode*)>& match) {
    std::vector<xmlNode*> out;
    if (root) collect(root, match, out, true);
    return out.empty() ? nullptr : out.front();
}

}  // namespace jb::edutatar
