// reliability_save_test.cpp — `cnnc train --save` as a user meets it: a path
// that cannot take a checkpoint is refused before any training; a symlink is
// followed; a resume with a sidecar of another optimizer is refused, one with
// other hyperparameters is said.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include "reliability_util.h"

namespace {

struct SaveDir {
    std::string dir, model;
    SaveDir() {
        dir = rel::fresh_dir("save");
        EXPECT_TRUE(rel::write_tiny_data(dir, 64, 16));
        model = rel::write_text(dir + "/tiny.cnn", rel::tiny_model_text());
    }
    ~SaveDir() { rel::remove_tree(dir); }
    std::string train(const std::string &extra) const {
        return "train '" + model + "' --data '" + dir + "' --device cpu --threads 1 --seed 3 --batch 16 " + extra;
    }
};

TEST(ReliabilitySave, AnUnwritableSavePathIsRefusedBeforeTrainingStarts) {
    SaveDir s;
    std::string missing = s.dir + "/no/such/ck.st";
    rel::Run r = rel::run_cnnc(s.train("--epochs 1 --save '" + missing + "'"));
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_EQ(r.err, "FileNotFoundError: [Errno 2] No such file or directory: '" + missing +
                         "'\n  hint: --save is checked before training starts: nothing was trained\n");
    EXPECT_EQ(r.out, "") << "training ran";

    std::string fifo = s.dir + "/fifo.st";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
    r = rel::run_cnnc(s.train("--epochs 1 --save '" + fifo + "'"));
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_EQ(r.err.rfind("OSError: cannot save to '" + fifo + "': it is a FIFO", 0), 0u) << r.err;
    EXPECT_EQ(r.out, "");

    std::string folder = s.dir + "/folder.st";
    ASSERT_EQ(mkdir(folder.c_str(), 0755), 0);
    r = rel::run_cnnc(s.train("--epochs 1 --save '" + folder + "'"));
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_EQ(r.err.rfind("IsADirectoryError: [Errno 21] Is a directory: '" + folder + "'", 0), 0u) << r.err;
    EXPECT_EQ(r.out, "");
}

TEST(ReliabilitySave, SaveThroughASymlinkWritesItsTargetAndKeepsTheLink) {
    SaveDir s;
    std::string real = rel::write_text(s.dir + "/real.st", "placeholder");
    std::string link = s.dir + "/link.st";
    ASSERT_EQ(symlink(real.c_str(), link.c_str()), 0);
    rel::Run r = rel::run_cnnc(s.train("--epochs 1 --quiet --save '" + link + "'"));
    ASSERT_EQ(r.code, 0) << r.err;
    struct stat sb;
    ASSERT_EQ(lstat(link.c_str(), &sb), 0);
    EXPECT_TRUE(S_ISLNK(sb.st_mode)) << "the symlink was replaced by a file";
    EXPECT_NE(rel::slurp(real).find("\"format\":\"cnnc\""), std::string::npos);
    // and it resumes through the link
    r = rel::run_cnnc(s.train("--epochs 2 --quiet --resume '" + link + "' --save '" + link + "'"));
    EXPECT_EQ(r.code, 0) << r.err;
}

TEST(ReliabilitySave, ResumeRefusesAnSgdSidecarForAnAdamRunAndNotesAChangedLr) {
    SaveDir s;
    std::string ck = s.dir + "/ck.st";
    ASSERT_EQ(rel::run_cnnc(s.train("--epochs 1 --quiet --optim sgd --lr 0.05 --save '" + ck + "'")).code, 0);
    rel::Run r = rel::run_cnnc(s.train("--epochs 2 --quiet --optim adam --resume '" + ck + "'"));
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_EQ(r.err, "RuntimeError: " + ck + ".optim holds SGD optimizer state but this run uses Adam: the state of "
                     "one is not the state of the other\n  hint: resume with --optim sgd, or from the weights alone "
                     "by moving " + ck + ".optim away\n");
    r = rel::run_cnnc(s.train("--epochs 2 --quiet --optim sgd --lr 0.01 --resume '" + ck + "'"));
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("note: " + ck + " was saved with --lr 0.05; this run uses 0.01\n"), std::string::npos) << r.err;
}

}  // namespace
