// ckpt_pair_test.cpp — where a save lands and the checkpoint + sidecar pair
// as one unit: a save follows a symlink to its target and refuses anything
// that is not a regular file; both files carry one run id, the sidecar its
// optimizer; whatever instant a save is cut off at, a consistent pair is
// found; a pair from two runs, or another optimizer's state, is refused.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cnnc/cnnc.h"
#include "reliability_util.h"

namespace {

const char *kNet = "input = (1, 8, 8)\nc = Conv2d(1, 2, 3)\nf = Flatten()\nout = Linear(72, 3)\n";

std::string line_of(const cnnc_error &err) {
    char buf[1600];
    cnnc_error_line(&err, buf, sizeof buf);
    return buf;
}

struct Net {
    cnnc_model *m = nullptr;
    cnnc_engine *e = nullptr;
    cnnc_error err;
    explicit Net(cnnc_optim_kind kind = CNNC_OPTIM_ADAM, float lr = 1e-3f) {
        cnnc_error_clear(&err);
        EXPECT_EQ(cnnc_model_parse(kNet, strlen(kNet), "net.cnn", &m, &err), CNNC_OK);
        cnnc_engine_config cfg = cnnc_engine_config_default(m);
        cfg.max_batch = 4;
        cfg.optim = cnnc_optim_default(kind);
        cfg.optim.lr = lr;
        EXPECT_EQ(cnnc_engine_create(m, &cfg, &e, nullptr, 0, &err), CNNC_OK) << err.message;
    }
    void train(int steps) {
        std::vector<float> x(4 * 64);
        for (size_t i = 0; i < x.size(); i++) x[i] = (float)((i * 37) % 11) / 11.0f;
        std::vector<int64_t> y = {0, 1, 2, 1};
        cnnc_shape s = {4, {4, 1, 8, 8}};
        ASSERT_EQ(cnnc_engine_set_batch(e, x.data(), &s, y.data(), &err), CNNC_OK);
        for (int k = 0; k < steps; k++) ASSERT_EQ(cnnc_engine_train_step(e, nullptr, &err), CNNC_OK);
    }
    cnnc_status save(const std::string &path, uint64_t run_id = 0) {
        cnnc_ckpt_meta meta = {1, 7, 1, run_id, 0, {}, 0, {}, nullptr};
        return cnnc_ckpt_save(e, m, path.c_str(), &meta, &err);
    }
    ~Net() {
        cnnc_engine_free(e);
        cnnc_model_free(m);
    }
};

std::string sidecar(const std::string &path) {
    char o[1024];
    cnnc_ckpt_optim_path(path.c_str(), o, sizeof o);
    return o;
}

bool is_link(const std::string &p) {
    struct stat sb;
    return lstat(p.c_str(), &sb) == 0 && S_ISLNK(sb.st_mode);
}

// ---- where a save lands ----

TEST(SaveTarget, ASymlinkIsFollowedAndItsTargetReplacedAsOpenWouldDo) {
    std::string d = rel::fresh_dir("savelink");
    rel::write_text(d + "/real.st", "old");
    ASSERT_EQ(symlink("real.st", (d + "/link.st").c_str()), 0);
    Net n;
    ASSERT_EQ(n.save(d + "/link.st"), CNNC_OK) << line_of(n.err);
    EXPECT_TRUE(is_link(d + "/link.st")) << "the symlink itself was replaced";
    EXPECT_EQ(rel::meta_of(d + "/real.st", "format"), "cnnc");
    // A dangling symlink: its target is created, as open(path, "wb") creates it.
    ASSERT_EQ(symlink("sub/new.st", (d + "/dangling.st").c_str()), 0);
    ASSERT_EQ(mkdir((d + "/sub").c_str(), 0755), 0);
    ASSERT_EQ(n.save(d + "/dangling.st"), CNNC_OK) << line_of(n.err);
    EXPECT_TRUE(is_link(d + "/dangling.st"));
    EXPECT_EQ(rel::meta_of(d + "/sub/new.st", "format"), "cnnc");
    rel::remove_tree(d);
}

TEST(SaveTarget, AFifoOrASymlinkToADeviceIsRefusedNamingThePathAndNothingIsReplaced) {
    std::string d = rel::fresh_dir("savefifo");
    std::string fifo = d + "/ck.st";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
    Net n;
    cnnc_ckpt_meta meta = {1, 7, 0, 0, 0, {}, 0, {}, nullptr};   // weights only: the sidecar's path is not in question here
    EXPECT_EQ(cnnc_ckpt_save(n.e, n.m, fifo.c_str(), &meta, &n.err), CNNC_ERR_IO);
    EXPECT_EQ(line_of(n.err), "OSError: cannot save to '" + fifo +
                                  "': it is a FIFO, and cnnc saves only over a regular file or to a new path "
                                  "(nothing was saved)");
    struct stat sb;
    ASSERT_EQ(lstat(fifo.c_str(), &sb), 0);
    EXPECT_TRUE(S_ISFIFO(sb.st_mode));

    std::string link = d + "/null.st";
    ASSERT_EQ(symlink("/dev/null", link.c_str()), 0);
    EXPECT_EQ(n.save(link), CNNC_ERR_IO);
    EXPECT_EQ(line_of(n.err), "OSError: cannot save to '" + link +
                                  "' (a symlink to '/dev/null'): it is a character device, and cnnc saves only over "
                                  "a regular file or to a new path (nothing was saved)");
    EXPECT_TRUE(is_link(link));
    EXPECT_EQ(std::string(n.err.file), link);
    rel::remove_tree(d);
}

TEST(SaveTarget, ASaveOverAnExistingFileKeepsItsPermissions) {
    std::string d = rel::fresh_dir("savemode");
    std::string p = rel::write_text(d + "/ck.st", "old");
    ASSERT_EQ(chmod(p.c_str(), 0600), 0);
    Net n;
    ASSERT_EQ(n.save(p), CNNC_OK) << line_of(n.err);
    struct stat sb;
    ASSERT_EQ(stat(p.c_str(), &sb), 0);
    EXPECT_EQ(sb.st_mode & 0777, 0600u);
    rel::remove_tree(d);
}

TEST(SaveTarget, CheckSavePathFindsAMissingFolderAndANonRegularSidecarBeforeAnySave) {
    std::string d = rel::fresh_dir("savecheck");
    cnnc_error err;
    cnnc_error_clear(&err);
    EXPECT_EQ(cnnc_ckpt_check_save_path((d + "/no/ck.st").c_str(), 1, &err), CNNC_ERR_IO);
    EXPECT_EQ(line_of(err), "FileNotFoundError: [Errno 2] No such file or directory: '" + d + "/no/ck.st'");
    EXPECT_EQ(cnnc_ckpt_check_save_path((d + "/ck.st").c_str(), 1, &err), CNNC_OK) << line_of(err);
    ASSERT_EQ(mkdir((d + "/ck.st.optim").c_str(), 0755), 0);   // the sidecar's path is a folder
    EXPECT_EQ(cnnc_ckpt_check_save_path((d + "/ck.st").c_str(), 1, &err), CNNC_ERR_IO);
    EXPECT_EQ(line_of(err), "IsADirectoryError: [Errno 21] Is a directory: '" + d +
                                "/ck.st.optim' (nothing was saved, any previous file is unchanged)");
    // Nothing was left behind by the probe.
    EXPECT_FALSE(rel::exists(d + "/ck.st"));
    rel::remove_tree(d);
}

// ---- the pair as one unit ----

TEST(CheckpointPair, BothFilesCarryOneRunIdAndTheSidecarItsOptimizerAndNoPrevIsLeft) {
    std::string d = rel::fresh_dir("pairmeta");
    std::string p = d + "/ck.safetensors";
    Net n(CNNC_OPTIM_SGD, 0.05f);
    n.train(2);
    ASSERT_EQ(n.save(p), CNNC_OK) << line_of(n.err);
    ASSERT_EQ(n.save(p), CNNC_OK) << line_of(n.err);   // a second save over the first pair
    std::string rid = rel::meta_of(p, "run_id");
    EXPECT_EQ(rid.size(), 16u) << rid;
    EXPECT_EQ(rel::meta_of(sidecar(p), "run_id"), rid);
    EXPECT_EQ(rel::meta_of(sidecar(p), "optim"), "sgd");
    EXPECT_EQ(rel::meta_of(sidecar(p), "lr"), "0.0500000007");
    EXPECT_EQ(rel::meta_of(sidecar(p), "momentum"), "0");
    EXPECT_EQ(rel::meta_of(sidecar(p), "nesterov"), "0");
    EXPECT_FALSE(rel::exists(sidecar(p) + ".prev"));
    // What load reports back.
    Net b(CNNC_OPTIM_SGD);
    cnnc_ckpt_meta got;
    memset(&got, 0, sizeof got);
    ASSERT_EQ(cnnc_ckpt_load(b.e, p.c_str(), 1, &got, &b.err), CNNC_OK) << line_of(b.err);
    EXPECT_EQ(got.with_optim, 1);
    EXPECT_EQ(got.has_optim_config, 1);
    EXPECT_EQ(got.optim.kind, CNNC_OPTIM_SGD);
    EXPECT_FLOAT_EQ(got.optim.lr, 0.05f);
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)got.run_id);
    EXPECT_EQ(std::string(hex), rid);
    rel::remove_tree(d);
}

// The state a save leaves when killed between its sidecar's rename and its
// weights' rename: old weights, new sidecar, old sidecar as .prev. The old
// pair resumes.
TEST(CheckpointPair, ASaveCutOffBetweenItsTwoRenamesLeavesTheOldPairResumable) {
    std::string d = rel::fresh_dir("paircut");
    std::string p = d + "/ck.safetensors", o = sidecar(p);
    Net a;
    a.train(2);
    ASSERT_EQ(a.save(p, 0x1111), CNNC_OK) << line_of(a.err);
    ASSERT_EQ(std::rename(p.c_str(), (d + "/w.old").c_str()), 0);
    ASSERT_EQ(std::rename(o.c_str(), (d + "/o.old").c_str()), 0);
    a.train(1);
    ASSERT_EQ(a.save(p, 0x1111), CNNC_OK) << line_of(a.err);
    // the cut-off state
    ASSERT_EQ(std::rename((d + "/w.old").c_str(), p.c_str()), 0);
    ASSERT_EQ(std::rename((d + "/o.old").c_str(), (o + ".prev").c_str()), 0);

    Net b;
    cnnc_ckpt_meta got;
    memset(&got, 0, sizeof got);
    ASSERT_EQ(cnnc_ckpt_load(b.e, p.c_str(), 1, &got, &b.err), CNNC_OK) << line_of(b.err);
    EXPECT_EQ(got.with_optim, 1);
    EXPECT_EQ(cnnc_engine_steps(b.e), 2);
    // And the next save completes a pair and drops the stale .prev.
    b.train(1);
    ASSERT_EQ(b.save(p), CNNC_OK) << line_of(b.err);
    EXPECT_FALSE(rel::exists(o + ".prev"));
    EXPECT_EQ(rel::meta_of(o, "step"), "3");
    EXPECT_EQ(rel::meta_of(p, "run_id"), rel::meta_of(o, "run_id"));
    rel::remove_tree(d);
}

TEST(CheckpointPair, WeightsOfOneRunWithTheSidecarOfAnotherAreRefusedNamingBothRuns) {
    std::string d = rel::fresh_dir("pairruns");
    std::string p = d + "/ck.safetensors", q = d + "/other.safetensors";
    Net a, b;
    a.train(2);
    b.train(2);   // the same step count: only the run ids tell them apart
    ASSERT_EQ(a.save(p, 0xaaaa), CNNC_OK);
    ASSERT_EQ(b.save(q, 0xbbbb), CNNC_OK);
    ASSERT_EQ(std::rename(q.c_str(), p.c_str()), 0);   // b's weights beside a's sidecar

    Net c;
    EXPECT_EQ(cnnc_ckpt_load(c.e, p.c_str(), 1, nullptr, &c.err), CNNC_ERR_IO);
    EXPECT_EQ(line_of(c.err), "RuntimeError: the optimizer state in " + sidecar(p) +
                                  " does not belong with the weights in " + p +
                                  ": it is from run 000000000000aaaa, the weights from run 000000000000bbbb (a save "
                                  "was cut off, or another run saved to the same path)");
    EXPECT_EQ(std::string(c.err.hint), "resume from the weights alone by moving " + sidecar(p) + " away");
    EXPECT_EQ(cnnc_engine_steps(c.e), 0) << "nothing may load from a refused pair";
    // The weights alone still load (eval, predict).
    EXPECT_EQ(cnnc_ckpt_load(c.e, p.c_str(), 0, nullptr, &c.err), CNNC_OK) << line_of(c.err);
    rel::remove_tree(d);
}

TEST(CheckpointPair, AnSgdSidecarIsRefusedForAnAdamRunNamingBoth) {
    std::string d = rel::fresh_dir("pairkind");
    std::string p = d + "/ck.safetensors";
    Net a(CNNC_OPTIM_SGD, 0.1f);
    a.train(2);
    ASSERT_EQ(a.save(p), CNNC_OK);
    Net b(CNNC_OPTIM_ADAM);
    EXPECT_EQ(cnnc_ckpt_load(b.e, p.c_str(), 1, nullptr, &b.err), CNNC_ERR_USAGE);
    EXPECT_EQ(line_of(b.err), "RuntimeError: " + sidecar(p) +
                                  " holds SGD optimizer state but this run uses Adam: the state of one is not the "
                                  "state of the other");
    EXPECT_EQ(std::string(b.err.hint),
              "resume with --optim sgd, or from the weights alone by moving " + sidecar(p) + " away");
    EXPECT_EQ(cnnc_engine_steps(b.e), 0);
    Net c(CNNC_OPTIM_SGD, 0.5f);   // the same kind with another lr loads; the caller hears of the lr
    cnnc_ckpt_meta got;
    memset(&got, 0, sizeof got);
    EXPECT_EQ(cnnc_ckpt_load(c.e, p.c_str(), 1, &got, &c.err), CNNC_OK) << line_of(c.err);
    EXPECT_FLOAT_EQ(got.optim.lr, 0.1f);
    rel::remove_tree(d);
}

}  // namespace
