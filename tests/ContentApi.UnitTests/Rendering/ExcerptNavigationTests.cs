namespace ContentApi.UnitTests.Rendering;

/// <summary>
/// A table of contents, a list whose every entry only links to a heading of the page, opened a blog post's derived excerpt:
/// "Introduction Setup Kubernetes 1.35 is out…" (probe).
/// </summary>
public sealed class ExcerptNavigationTests
{
    [Theory]
    [InlineData("## Table of Contents\n\n- [Introduction](#introduction)\n- [Setup](#setup)\n\n## Introduction\n\nKubernetes 1.35 is out.")]
    [InlineData("**目錄**\n\n1. [前言](#前言)\n2. [安裝](#安裝)\n   - [Linux](#linux)\n\n## 前言\n\nKubernetes 1.35 is out.")]
    [InlineData("* [Introduction](#introduction)\n* [Setup](#setup)\n\nKubernetes 1.35 is out.")]
    [InlineData("目次\n\n- [はじめに](#はじめに)\n- [導入](#導入)\n\nKubernetes 1.35 is out.")]
    public void A_table_of_contents_is_not_in_the_excerpt(string markdown) =>
        Assert.Equal("Kubernetes 1.35 is out.", DerivedExcerpt.Of(markdown));

    [Theory]
    // A list with text beside its links, or links elsewhere, is the article's.
    [InlineData("- [Kubernetes](#k8s) is out.\n- [Helm](#helm) too.", "Kubernetes is out. Helm too.")]
    [InlineData("- [Kubernetes](https://kubernetes.io)\n- [Helm](https://helm.sh)", "Kubernetes Helm")]
    public void The_excerpt_keeps_lists_that_are_no_table_of_contents(string markdown, string excerpt) =>
        Assert.Equal(excerpt, DerivedExcerpt.Of(markdown));
}
