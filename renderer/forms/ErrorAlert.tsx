import { MessageBar, MessageBarBody } from '@fluentui/react-components';

/** An error the user must read now (role=alert), or nothing. */
export function ErrorAlert({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
