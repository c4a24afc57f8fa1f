#include "core/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/archive.hpp"
#include "core/error.hpp"
#include "core/temp_files.hpp"

namespace jb {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    std::filesystem::path target(path_);
    temp_path_ = (target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
    register_temp_file(temp_path_);
    out_.open(temp_path_, std::ios::binary | std::ios::trunc);
    if (!out_) throw Error(path_ + ": cannot write here: " + std::strerror(errno));
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        out_.close();
        std::remove(temp_path_.c_str());
    }
    unregister_temp_file(temp_path_);
}

void AtomicFile::commit() {
    out_.flush();
    if (!out_) throw Error(path_ + ": write failed (disk full?)");
    out_.close();
    if (out_.fail()) throw Error(path_ + ": write failed (disk full?)");
    sync_file_and_directory(temp_path_);
    if (std::rename(temp_path_.c_str(), path_.c_str()) != 0)
        throw Error(path_ + ": cannot move the finished file into place: " + std::strerror(errno));
    committed_ = true;
    sync_file_and_directory(path_);
}

}  // namespace jb
