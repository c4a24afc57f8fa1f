#include "core/spilled_texts.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <stdlib.h>
#include <unistd.h>

#include "core/error.hpp"

namespace jb {
namespace {

constexpr std::size_t kBufferSize = 1 << 20;

std::string system_error(const std::string& what) { return what + ": " + std::strerror(errno); }

}  // namespace

SpilledTexts::SpilledTexts() {
    std::string path = (std::filesystem::temp_directory_path() / "jbridge-texts-XXXXXX").string();
    fd_ = ::mkstemp(path.data());
    if (fd_ < 0) throw Error(system_error("cannot create a temporary file for texts in " + path));
    ::unlink(path.c_str());
    buffer_.reserve(kBufferSize);
}

SpilledTexts::~SpilledTexts() {
    if (fd_ >= 0) ::close(fd_);
}

SpilledTexts::Ref SpilledTexts::keep(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > std::numeric_limits<std::uint32_t>::max()) throw Error("a text of over 4 GB cannot be kept");
    Ref ref{end_, static_cast<std::uint32_t>(text.size())};
    if (buffer_.size() + text.size() > kBufferSize) flush();
    buffer_.insert(buffer_.end(), text.begin(), text.end());
    end_ += text.size();
    return ref;
}

void SpilledTexts::flush() const {
    std::size_t done = 0;
    while (done < buffer_.size()) {
        ssize_t wrote = ::pwrite(fd_, buffer_.data() + done, buffer_.size() - done,
                                 static_cast<off_t>(flushed_ + done));
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) throw Error(system_error("cannot write texts to the temporary file (is the disk full?)"));
        done += static_cast<std::size_t>(wrote);
    }
    flushed_ += buffer_.size();
    buffer_.clear();
}

std::string SpilledTexts::read(Ref ref) const {
    if (ref.empty()) return {};
    if (ref.offset + ref.size > end_) throw Error("a kept text lies beyond the end of the temporary file");
    if (ref.offset + ref.size > flushed_) flush();
    std::string text(ref.size, '\0');
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t got = ::pread(fd_, text.data() + done, text.size() - done, static_cast<off_t>(ref.offset + done));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) throw Error(system_error("cannot read texts back from the temporary file"));
        done += static_cast<std::size_t>(got);
    }
    return text;
}

}  // namespace jb
