// What a reader keeps compactly while it reads a large capture (issue 8): texts on disk, repeated
// values as pool tokens.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/spilled_texts.hpp"
#include "core/string_pool.hpp"

namespace jb {
namespace {

TEST(SpilledTexts, GivesBackEveryTextWhetherStillBufferedOrWritten) {
    SpilledTexts texts;
    std::vector<std::pair<SpilledTexts::Ref, std::string>> kept;
    for (int i = 0; i < 3000; ++i) {  // about 3 MB: several flushes of the 1 MB buffer
        std::string text = "Тема урока " + std::to_string(i) + ": " + std::string(static_cast<std::size_t>(i % 1500), 'x');
        kept.emplace_back(texts.keep(text), text);
        if (i % 500 == 0) {
            EXPECT_EQ(texts.read(kept.front().first), kept.front().second);  // from the file
            EXPECT_EQ(texts.read(kept.back().first), text);                  // from the buffer
        }
    }
    for (const auto& [ref, text] : kept) ASSERT_EQ(texts.read(ref), text);
    EXPECT_GT(texts.bytes(), 2'000'000u);
}

TEST(SpilledTexts, AnEmptyTextTakesNoRoom) {
    SpilledTexts texts;
    SpilledTexts::Ref ref = texts.keep("");
    EXPECT_TRUE(ref.empty());
    EXPECT_EQ(texts.read(ref), "");
    EXPECT_EQ(texts.bytes(), 0u);
}

TEST(StringPool, EqualTextsShareOneTokenAndEmptyIsZero) {
    StringPool pool;
    EXPECT_EQ(pool.intern(""), 0u);
    StringPool::Token homework = pool.intern("Homework");
    StringPool::Token date = pool.intern("2024-09-02T08:30:00");
    EXPECT_NE(homework, 0u);
    EXPECT_NE(homework, date);
    std::string again = "Home";
    again += "work";  // a different buffer with the same text
    EXPECT_EQ(pool.intern(again), homework);
    for (int i = 0; i < 10000; ++i) pool.intern("value " + std::to_string(i));  // the deque grows
    EXPECT_EQ(pool.text(homework), "Homework");
    EXPECT_EQ(pool.text(date), "2024-09-02T08:30:00");
    EXPECT_EQ(pool.text(0), "");
}

}  // namespace
}  // namespace jb
