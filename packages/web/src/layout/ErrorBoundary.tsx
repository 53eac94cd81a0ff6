import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { localize } from '../i18n';

const text = {
  title: { zh: '页面出错了', en: 'Something went wrong' },
  hint: { zh: '请刷新页面后重试；如果问题持续存在，请联系信息科。', en: 'Please reload the page. If the problem persists, contact IT support.' },
  reload: { zh: '刷新页面', en: 'Reload' },
};

/** Keeps a crash in one page from blanking the whole application. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  componentDidUpdate(previous: { resetKey?: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={localize(text.title)}
        subTitle={localize(text.hint)}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {localize(text.reload)}
          </Button>
        }
      />
    );
  }
}
