#include "core/har_scrub.hpp"

#include <cstdio>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/json_scanner.hpp"
#include "core/net/scrub.hpp"

namespace jb::har {
namespace {

using json = nlohmann::json;

// Buffers the copy and writes it to a file in 1 MiB pieces, or keeps it whole when there is no file.
class Output {
public:
    Output(std::FILE* file, const std::string& path) : file_(file), path_(path) { buffer_.reserve(kFlush + 4096); }
    void put(char c) {
        buffer_ += c;
        if (buffer_.size() >= kFlush) flush();
    }
    void put(std::string_view text) {
        buffer_ += text;
        if (buffer_.size() >= kFlush) flush();
    }
    void put_string(std::string_view text) {
        static constexpr char kHex[] = "0123456789abcdef";
        buffer_ += '"';
        std::size_t run = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            buffer_.append(text.data() + run, i - run);
            run = i + 1;
            switch (c) {
                case '"': buffer_ += "\\\""; break;
                case '\\': buffer_ += "\\\\"; break;
                case '\n': buffer_ += "\\n"; break;
                case '\r': buffer_ += "\\r"; break;
                case '\t': buffer_ += "\\t"; break;
                default:
                    buffer_ += "\\u00";
                    buffer_ += kHex[c >> 4];
                    buffer_ += kHex[c & 15];
            }
        }
        buffer_.append(text.data() + run, text.size() - run);
        buffer_ += '"';
        if (buffer_.size() >= kFlush) flush();
    }
    std::string take() { return std::move(buffer_); }
    void flush() {
        if (file_ == nullptr) return;
        if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
            throw Error(path_ + ": cannot write the scrubbed capture (disk full?)");
        buffer_.clear();
    }

private:
    static constexpr std::size_t kFlush = 1 << 20;
    std::FILE* file_;
    const std::string& path_;
    std::string buffer_;
};

// Re-serialises the HAR event by event. Small name/value objects (headers, cookies, query and form
// parameters) and postData are gathered whole, because their secret-ness depends on a sibling key.
class ScrubbingWriter {
public:
    explicit ScrubbingWriter(Output& out) : out_(out) {}

    void null() { scalar(nullptr); }
    void boolean(bool v) { scalar(v); }
    void number_integer(std::int64_t v) {
        if (gathering()) return attach(v);
        begin_value();
        out_.put(std::to_string(v));
    }
    void number_unsigned(std::uint64_t v) {
        if (gathering()) return attach(v);
        begin_value();
        out_.put(std::to_string(v));
    }
    void number_float(double v, const std::string& token) {
        if (gathering()) return attach(v);
        begin_value();
        out_.put(token);
    }
    void string(std::string& v) {
        if (gathering()) return attach(std::move(v));
        begin_value();
        const std::string_view key = current_key();
        const std::string_view parent = parent_key();
        if (key == "url" && parent == "request") {
            std::string scrubbed = net::scrub_url(v);
            if (scrubbed != v) ++replaced_;
            out_.put_string(scrubbed);
        } else if (key == "text" && parent == "content" && net::may_hold_secret_member(v)) {
            std::string scrubbed = net::scrub_body(v, "application/json");
            if (scrubbed != v) ++replaced_;
            out_.put_string(scrubbed);
        } else {
            out_.put_string(v);
        }
    }
    void key(std::string& k) {
        if (gathering()) {
            key_ = std::move(k);
            return;
        }
        Frame& frame = frames_.back();
        if (frame.count++ > 0) out_.put(',');
        out_.put_string(k);
        out_.put(':');
        frame.key = std::move(k);
    }
    void start_object(std::size_t) {
        if (gathering()) return open_gathered(json::object());
        if (should_gather()) {
            begin_value();
            gathered_ = json::object();
            building_.push_back(&gathered_);
            return;
        }
        begin_value();
        out_.put('{');
        frames_.push_back({false, std::string(container_key()), {}, 0});
    }
    void end_object() {
        if (gathering()) {
            building_.pop_back();
            if (building_.empty()) emit_gathered();
            return;
        }
        out_.put('}');
        frames_.pop_back();
    }
    void start_array(std::size_t) {
        if (gathering()) return open_gathered(json::array());
        begin_value();
        out_.put('[');
        frames_.push_back({true, std::string(container_key()), {}, 0});
    }
    void end_array() {
        if (gathering()) {
            building_.pop_back();
            return;
        }
        out_.put(']');
        frames_.pop_back();
    }

    std::size_t replaced() const { return replaced_; }

private:
    struct Frame {
        bool is_array;
        std::string opened_as;  // the key this container is the value of
        std::string key;        // current key (objects)
        std::size_t count;
    };

    bool gathering() const { return !building_.empty(); }
    std::string_view current_key() const {
        if (frames_.empty() || frames_.back().is_array) return {};
        return frames_.back().key;
    }
    std::string_view parent_key() const {
        if (frames_.empty()) return {};
        return frames_.back().opened_as;
    }
    std::string_view container_key() const {
        if (frames_.empty()) return {};
        const Frame& frame = frames_.back();
        return frame.is_array ? std::string_view(frame.opened_as) : std::string_view(frame.key);
    }
    bool should_gather() const {
        if (frames_.empty()) return false;
        const Frame& frame = frames_.back();
        if (frame.is_array)
            return frame.opened_as == "headers" || frame.opened_as == "cookies" || frame.opened_as == "queryString" ||
                   frame.opened_as == "params";
        return frame.key == "postData";
    }
    void begin_value() {
        if (!frames_.empty() && frames_.back().is_array && frames_.back().count++ > 0) out_.put(',');
    }
    template <typename V>
    void scalar(V v) {
        if (gathering()) return attach(json(v));
        begin_value();
        out_.put(json(v).dump());
    }
    template <typename V>
    void attach(V&& v) {
        json& parent = *building_.back();
        if (parent.is_array()) {
            parent.push_back(json(std::forward<V>(v)));
        } else {
            parent[key_] = json(std::forward<V>(v));
        }
    }
    void open_gathered(json v) {
        json& parent = *building_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            building_.push_back(&parent.back());
        } else {
            json& slot = parent[key_];
            slot = std::move(v);
            building_.push_back(&slot);
        }
    }
    void scrub_value(json& object, bool secret) {
        const auto value = object.find("value");
        if (!secret || value == object.end() || !value->is_string() || value->get_ref<const std::string&>().empty()) return;
        if (value->get_ref<const std::string&>() == net::kScrubbed) return;
        *value = std::string(net::kScrubbed);
        ++replaced_;
    }
    void emit_gathered() {
        const std::string_view where = container_key();
        const auto name = gathered_.find("name");
        const std::string name_text = name != gathered_.end() && name->is_string() ? name->get<std::string>() : "";
        if (where == "headers") {
            scrub_value(gathered_, net::is_secret_header(name_text) || name_text == "at" || name_text == "At");
        } else if (where == "cookies") {
            scrub_value(gathered_, true);
        } else if (where == "queryString" || where == "params") {
            scrub_value(gathered_, net::is_secret_field(name_text));
        } else {  // postData
            const auto text = gathered_.find("text");
            if (text != gathered_.end() && text->is_string()) {
                const auto mime = gathered_.find("mimeType");
                const std::string type = mime != gathered_.end() && mime->is_string() ? mime->get<std::string>() : "";
                std::string scrubbed = net::scrub_body(text->get_ref<const std::string&>(), type);
                if (scrubbed != text->get_ref<const std::string&>()) {
                    *text = std::move(scrubbed);
                    ++replaced_;
                }
            }
            if (auto params = gathered_.find("params"); params != gathered_.end() && params->is_array()) {
                for (auto& param : *params) {
                    if (!param.is_object()) continue;
                    const auto n = param.find("name");
                    scrub_value(param, n != param.end() && n->is_string() && net::is_secret_field(n->get<std::string>()));
                }
            }
        }
        out_.put(gathered_.dump(-1, ' ', false, json::error_handler_t::replace));
        gathered_ = nullptr;
    }

    Output& out_;
    std::vector<Frame> frames_;
    std::vector<json*> building_;
    json gathered_;
    std::string key_;
    std::size_t replaced_ = 0;
};

class FileSource : public json_scan::Source {
public:
    explicit FileSource(std::FILE* file) : file_(file), buffer_(1 << 20) {}
    std::string_view next_chunk() override {
        return {buffer_.data(), std::fread(buffer_.data(), 1, buffer_.size(), file_)};
    }

private:
    std::FILE* file_;
    std::vector<char> buffer_;
};

}  // namespace

std::string scrub_har_text(std::string_view text, const std::string& name, std::size_t* replaced) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Output output(nullptr, name);
    ScrubbingWriter writer(output);
    json_scan::TextSource source(text);
    json_scan::Scanner<ScrubbingWriter> scanner(source, writer, name);
    scanner.run();
    if (replaced != nullptr) *replaced = writer.replaced();
    return output.take();
}

std::size_t scrub_har_file(const std::string& input, const std::string& output) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(input.c_str(), "rb"), &std::fclose);
    if (!in) throw Error(input + ": cannot open for reading");
    char bom[3];
    if (std::fread(bom, 1, 3, in.get()) != 3 || std::string_view(bom, 3) != "\xEF\xBB\xBF") std::rewind(in.get());
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(std::fopen(output.c_str(), "wb"), &std::fclose);
    if (!out) throw Error(output + ": cannot create the scrubbed copy of " + input);
    Output writer_output(out.get(), output);
    ScrubbingWriter writer(writer_output);
    FileSource source(in.get());
    json_scan::Scanner<ScrubbingWriter> scanner(source, writer, input);
    scanner.run();
    writer_output.flush();
    if (std::ferror(in.get())) throw Error(input + ": read error");
    if (std::fflush(out.get()) != 0) throw Error(output + ": cannot write the scrubbed capture (disk full?)");
    return writer.replaced();
}

}  // namespace jb::har
